import "reflect-metadata";
import { join } from "node:path";
import { readOptionalString, readPort, readString } from "@khcn/shared";
import type { DatabaseConfig } from "../data-source.ts";
import { packageDir } from "../paths.ts";
import { startProvinceHost } from "./start-province-host.ts";

/**
 * HOSTED_PROVINCES=lang-son,long-an (required), PORT (4200), DATABASE_URL (one PostgreSQL database,
 * a schema per province) or HOST_SQLITE_DIR (a SQLite file per province), HOST_DATA_ROOT (a folder
 * holding one CSV folder per province; default subgraphs/province/data).
 */
const env = process.env;
const ids = readString(env, "HOSTED_PROVINCES").split(",").map((s) => s.trim()).filter(Boolean);
const url = readOptionalString(env, "DATABASE_URL");
const sqliteDir = readString(env, "HOST_SQLITE_DIR", join(packageDir, ".data", "host"));
const dataRoot = readString(env, "HOST_DATA_ROOT", join(packageDir, "data"));
const databaseOf = (id: string): DatabaseConfig =>
  url ? { type: "postgres", url, schema: `province_${id.replaceAll("-", "_")}` } : { type: "sqlite", file: join(sqliteDir, `${id}.sqlite`) };

const host = await startProvinceHost({
  port: readPort(env, "PORT", 4200),
  provinces: ids.map((provinceId) => ({ provinceId, database: databaseOf(provinceId), dataDir: join(dataRoot, provinceId) })),
});
for (const [id, provinceUrl] of host.urls) console.log(`province ${id}: ${provinceUrl}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void host.stop().then(() => process.exit(0)));
