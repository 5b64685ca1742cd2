import type { DataSource } from "typeorm";
import type { LoadOnStart } from "./config.ts";
import { type DatabaseConfig, openDatabase } from "./data-source.ts";
import { SourceDocument } from "./entities.ts";
import { type ImportReport } from "./import/apply-province-data.ts";
import { importProvince } from "./import/import-province.ts";
import { defaultDataDir } from "./paths.ts";
import { createProvinceServer } from "./server.ts";

export interface StartProvinceOptions {
  provinceId: string;
  database: DatabaseConfig;
  port: number;
  host?: string;
  dataDir?: string;
  loadOnStart?: LoadOnStart;
}

export interface RunningProvince {
  provinceId: string;
  url: string;
  dataSource: DataSource;
  /** What start-up loaded, when it loaded anything. */
  imported?: ImportReport;
  stop(): Promise<void>;
}

/** Opens (and migrates) the province's database, loads its files when asked, and serves it. */
export async function startProvinceSubgraph(options: StartProvinceOptions): Promise<RunningProvince> {
  const dataSource = await openDatabase(options.database);
  try {
    const loadOnStart = options.loadOnStart ?? "if-empty";
    const empty = (await dataSource.getRepository(SourceDocument).count()) === 0;
    const imported =
      loadOnStart === "always" || (loadOnStart === "if-empty" && empty)
        ? await importProvince(dataSource, options.dataDir ?? defaultDataDir(options.provinceId))
        : undefined;
    const server = await createProvinceServer({ provinceId: options.provinceId, dataSource });
    const url = await server.listen(options.port, options.host);
    return {
      provinceId: options.provinceId,
      url,
      dataSource,
      imported,
      stop: async () => {
        await server.stop();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
