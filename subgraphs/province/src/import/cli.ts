import "reflect-metadata";
import { parseArgs } from "node:util";
import { loadProvinceConfig } from "../config.ts";
import { describeDatabase, openDatabase } from "../data-source.ts";
import { countChanges, type ImportReport } from "./apply-province-data.ts";
import { ImportValidationError, formatProblem } from "./import-error.ts";
import { importProvince } from "./import-province.ts";
import { readProvinceFiles } from "./read-province-files.ts";

const usage = `Load a province's CSV files into its database.

  npm run import -- --province <id> [--dir <folder>] [--check]

  --province  the directory id (lang-son, long-an, bac-giang); or set PROVINCE_ID
  --dir       the folder of CSV files (default subgraphs/province/data/<id>)
  --check     validate the files only and report every problem; write nothing

The database is the one the subgraph uses: DATABASE_URL for PostgreSQL, else the embedded SQLite
file (SQLITE_FILE). Every file is validated first; on any problem nothing is written.`;

function printReport(report: ImportReport): void {
  for (const [table, c] of Object.entries(report)) {
    console.log(`  ${table.padEnd(12)} +${c.added} added  ~${c.updated} updated  -${c.removed} removed  ${c.unchanged} unchanged`);
  }
}

const { values } = parseArgs({
  options: { province: { type: "string" }, dir: { type: "string" }, check: { type: "boolean" }, help: { type: "boolean" } },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const env = { ...process.env, ...(values.province ? { PROVINCE_ID: values.province } : {}), ...(values.dir ? { PROVINCE_DATA_DIR: values.dir } : {}) };
let config;
try {
  config = loadProvinceConfig(env);
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
const onProgress = (file: string, rows: number) => process.stderr.write(`  ${file}: ${rows} rows read\n`);

if (values.check) {
  const { problems } = await readProvinceFiles(config.dataDir, { onProgress });
  if (problems.length > 0) {
    console.error(`${config.dataDir}: ${problems.length} problem(s):`);
    for (const p of problems) console.error(`  - ${formatProblem(p)}`);
    process.exit(1);
  }
  console.log(`${config.dataDir}: every file is valid`);
  process.exit(0);
}

const dataSource = await openDatabase(config.database);
try {
  console.log(`importing ${config.dataDir} into ${describeDatabase(config.database)}`);
  const report = await importProvince(dataSource, config.dataDir, { onProgress });
  printReport(report);
  console.log(countChanges(report) === 0 ? "no changes: the database already holds these files" : "done");
} catch (error) {
  if (error instanceof ImportValidationError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
} finally {
  await dataSource.destroy();
}
