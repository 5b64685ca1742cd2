import type { DataSource } from "typeorm";
import { type ImportReport, applyProvinceData } from "./apply-province-data.ts";
import { ImportValidationError } from "./import-error.ts";
import { type ReadOptions, readProvinceFiles } from "./read-province-files.ts";

/** Validates a province folder in full, then loads it; throws ImportValidationError listing every problem. */
export async function importProvince(dataSource: DataSource, dir: string, options: ReadOptions = {}): Promise<ImportReport> {
  const { data, problems } = await readProvinceFiles(dir, options);
  if (!data) throw new ImportValidationError(problems);
  return applyProvinceData(dataSource, data);
}
