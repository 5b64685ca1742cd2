import { readOneOf, readOptionalString, readPath, readPort, readString, readUrl } from "@khcn/shared";
import type { DatabaseConfig } from "./data-source.ts";
import { defaultDataDir, defaultSqliteFile } from "./paths.ts";

export type LoadOnStart = "if-empty" | "always" | "never";

export interface ProvinceConfig {
  /** The directory's stable id of the one province this process serves, e.g. `lang-son`. */
  provinceId: string;
  port: number;
  database: DatabaseConfig;
  /** The folder of the province's CSV files. */
  dataDir: string;
  /** Whether start-up loads the CSV files: on an empty database (default), every time, or never. */
  loadOnStart: LoadOnStart;
}

/**
 * PROVINCE_ID (required), PORT (4100), DATABASE_URL (postgres://…; without it an embedded SQLite
 * file, SQLITE_FILE, default subgraphs/province/.data/<id>.sqlite), DATABASE_SCHEMA, PROVINCE_DATA_DIR,
 * LOAD_ON_START (if-empty | always | never).
 */
export function loadProvinceConfig(env: Record<string, string | undefined> = process.env): ProvinceConfig {
  const provinceId = readString(env, "PROVINCE_ID");
  if (!/^[a-z0-9][a-z0-9-]*$/.test(provinceId)) throw new Error(`PROVINCE_ID must be a directory id like lang-son, got "${provinceId}"`);
  const url = readOptionalString(env, "DATABASE_URL");
  const database: DatabaseConfig = url
    ? { type: "postgres", url: readUrl(env, "DATABASE_URL"), schema: readOptionalString(env, "DATABASE_SCHEMA") }
    : { type: "sqlite", file: readPath(env, "SQLITE_FILE", defaultSqliteFile(provinceId)) };
  return {
    provinceId,
    port: readPort(env, "PORT", 4100),
    database,
    dataDir: readPath(env, "PROVINCE_DATA_DIR", defaultDataDir(provinceId)),
    loadOnStart: readOneOf(env, "LOAD_ON_START", ["if-empty", "always", "never"] as const, "if-empty"),
  };
}
