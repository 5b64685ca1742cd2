import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DataSource, type Logger } from "typeorm";
import { entities } from "./entities.ts";
import { InitialSchema1732233600000 } from "./migrations/1732233600000-initial-schema.ts";
import { YearOrderIndexes1764115200000 } from "./migrations/1764115200000-year-order-indexes.ts";
import { DocumentTexts1795737600000 } from "./migrations/1795737600000-document-texts.ts";
import { IndicatorDimensions1795824000000 } from "./migrations/1795824000000-indicator-dimensions.ts";
import { DataVersion1796083200000 } from "./migrations/1796083200000-data-version.ts";

/** Where a province's records live: an embedded SQLite file (the default) or PostgreSQL. */
export type DatabaseConfig =
  | { type: "sqlite"; file: string }
  | {
      type: "postgres";
      url: string;
      /** A PostgreSQL schema of its own, so several provinces can share one database server. */
      schema?: string;
      /** Connections the province may hold at once (5 by default; a host of many provinces gives each fewer). */
      poolSize?: number;
    };

export const migrations = [InitialSchema1732233600000, YearOrderIndexes1764115200000, DocumentTexts1795737600000, IndicatorDimensions1795824000000, DataVersion1796083200000];

/** Creates, connects and migrates a province's database. */
export async function openDatabase(config: DatabaseConfig, logger?: Logger): Promise<DataSource> {
  const dataSource = createDataSource(config, logger);
  await dataSource.initialize();
  if (config.type === "postgres" && config.schema) {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${config.schema.replaceAll('"', '""')}"`);
  }
  await dataSource.runMigrations({ transaction: "all" });
  return dataSource;
}

export function createDataSource(config: DatabaseConfig, logger?: Logger): DataSource {
  const common = { entities, migrations, synchronize: false, logging: logger ? true : false, logger } as const;
  if (config.type === "sqlite") {
    if (config.file !== ":memory:") mkdirSync(dirname(config.file), { recursive: true });
    return new DataSource({
      ...common,
      type: "better-sqlite3",
      database: config.file,
      // Foreign keys are off by default in SQLite; the import relies on them like PostgreSQL does.
      prepareDatabase: (db: { pragma: (statement: string) => unknown }) => {
        db.pragma("foreign_keys = ON");
        db.pragma("journal_mode = WAL");
      },
    });
  }
  return new DataSource({ ...common, type: "postgres", url: config.url, schema: config.schema, poolSize: config.poolSize ?? 5 });
}

export function describeDatabase(config: DatabaseConfig): string {
  if (config.type === "sqlite") return `sqlite:${config.file}`;
  const url = new URL(config.url);
  url.password = url.password ? "***" : "";
  return `${url.toString()}${config.schema ? ` (schema ${config.schema})` : ""}`;
}
