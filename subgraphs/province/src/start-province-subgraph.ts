import type { DataSource } from "typeorm";
import type { LoadOnStart } from "./config.ts";
import { type DatabaseConfig, openDatabase } from "./data-source.ts";
import { type ImportReport } from "./import/apply-province-data.ts";
import { loadOnStart } from "./load-on-start.ts";
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
    const imported = await loadOnStart(dataSource, options);
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
