import type { DataSource } from "typeorm";
import type { LoadOnStart } from "./config.ts";
import { SourceDocument } from "./entities.ts";
import type { ImportReport } from "./import/apply-province-data.ts";
import { importProvince } from "./import/import-province.ts";
import { defaultDataDir } from "./paths.ts";

export interface LoadOnStartOptions {
  provinceId: string;
  /** The province's CSV folder; its committed one by default. */
  dataDir?: string;
  /** `if-empty` by default: a first start loads the files, later starts keep what the database holds. */
  loadOnStart?: LoadOnStart;
}

/** Loads a province's CSV files at start-up when asked to; says what it loaded, or undefined. */
export async function loadOnStart(dataSource: DataSource, { provinceId, dataDir, loadOnStart = "if-empty" }: LoadOnStartOptions): Promise<ImportReport | undefined> {
  if (loadOnStart === "never") return undefined;
  if (loadOnStart === "if-empty" && (await dataSource.getRepository(SourceDocument).count()) > 0) return undefined;
  return importProvince(dataSource, dataDir ?? defaultDataDir(provinceId));
}
