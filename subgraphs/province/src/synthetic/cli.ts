import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateSyntheticProvince, SYNTHETIC_MARK } from "./generate-synthetic-province.ts";

const usage = `Write a synthetic province's CSV files, for measuring scale (never real figures).

  npm run synthetic -w @khcn/province -- --out <folder> [--tasks 100] [--province synthetic-01] [--seed 1]

  --out       the folder to write (documents.csv, tasks.csv, ..., the texts/ they quote and a README saying ${SYNTHETIC_MARK})
  --tasks     tasks to generate; indicators, funding rows and evidence scale with them (default 100)
  --province  the id written into the files (default synthetic-01; a real province's id is refused)
  --seed      the same seed writes the same files (default 1)

Load the folder like any province: PROVINCE_DATA_DIR=<folder> PROVINCE_ID=<id> npm run start -w @khcn/province`;

const REAL_PROVINCES = new Set(["lang-son", "long-an", "bac-giang"]);

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

function readWhole(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) fail(`--${name} takes a whole number of at least 1, got "${raw}"`);
  return value;
}

const { values } = parseArgs({
  options: { out: { type: "string" }, tasks: { type: "string" }, province: { type: "string" }, seed: { type: "string" }, help: { type: "boolean" } },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (!values.out) fail("--out is required");
const provinceId = values.province ?? "synthetic-01";
if (REAL_PROVINCES.has(provinceId)) fail(`"${provinceId}" is a real province; synthetic data never takes a real province's id`);
if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(provinceId)) fail(`--province must be an id like synthetic-01, got "${provinceId}"`);
const tasks = readWhole("tasks", values.tasks, 100);
const seed = readWhole("seed", values.seed, 1);
const dir = resolve(values.out);
await generateSyntheticProvince(dir, { provinceId, tasks, seed });
console.log(`${dir}: ${SYNTHETIC_MARK} province ${provinceId} with ${tasks} tasks (seed ${seed})`);
