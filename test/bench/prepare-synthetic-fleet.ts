import { copyFile, mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { generateSyntheticProvince, importProvince, openDatabase } from "@khcn/province";

export interface SyntheticFleet {
  /** Synthetic province ids, `synthetic-01` …, never a real province's id. */
  ids: string[];
  /** One SQLite file per province, all holding the same generated records. */
  sqliteFileOf(id: string): string;
}

export function syntheticIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `synthetic-${String(i + 1).padStart(2, "0")}`);
}

/**
 * Writes one synthetic province folder with `tasks` tasks, loads it once through the real import,
 * and copies the database file for every province: each province gets a database of its own
 * without paying the import 63 times.
 */
export async function prepareSyntheticFleet(workDir: string, provinces: number, tasks: number): Promise<SyntheticFleet> {
  const dir = join(workDir, `tasks-${tasks}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, "db"), { recursive: true });
  const csv = join(dir, "csv");
  await generateSyntheticProvince(csv, { provinceId: "synthetic", tasks });
  const template = join(dir, "template.sqlite");
  const dataSource = await openDatabase({ type: "sqlite", file: template });
  try {
    await importProvince(dataSource, csv);
    // Fold the write-ahead log into the file, so a plain copy is a complete database.
    await dataSource.query("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    await dataSource.destroy();
  }
  const ids = syntheticIds(provinces);
  const sqliteFileOf = (id: string) => join(dir, "db", `${id}.sqlite`);
  await Promise.all(ids.map((id) => copyFile(template, sqliteFileOf(id))));
  return { ids, sqliteFileOf };
}
