import "reflect-metadata";
import { join } from "node:path";
import { ConfigError, readInt, readOptionalString, readPath, readPort, readString } from "@khcn/shared";
import type { DatabaseConfig } from "../data-source.ts";
import { packageDir } from "../paths.ts";
import { checkConnectionBudget } from "./check-connection-budget.ts";
import { startIsolatedProvinceHost } from "./start-isolated-province-host.ts";
import type { HostedProvince } from "./start-province-host.ts";

/**
 * HOSTED_PROVINCES=lang-son,long-an (required), PORT (4200), DATABASE_URL (one PostgreSQL database,
 * a schema per province) or HOST_SQLITE_DIR (a SQLite file per province), HOST_DATA_ROOT (a folder
 * holding one CSV folder per province; default subgraphs/province/data), HOST_WORKERS (2: worker
 * threads, each serving every hosted province one request at a time; one province holds at most
 * all but one of them, so a heavy province never stalls another), HOST_POOL_SIZE (1: PostgreSQL
 * connections per province and worker; checked against the server's max_connections at start).
 */
async function main(): Promise<void> {
  const env = process.env;
  const ids = readString(env, "HOSTED_PROVINCES").split(",").map((s) => s.trim()).filter(Boolean);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new ConfigError(`HOSTED_PROVINCES lists ${twice} twice`);
  const url = readOptionalString(env, "DATABASE_URL");
  const sqliteDir = readPath(env, "HOST_SQLITE_DIR", join(packageDir, ".data", "host"));
  const dataRoot = readPath(env, "HOST_DATA_ROOT", join(packageDir, "data"));
  const port = readPort(env, "PORT", 4200);
  const workers = readInt(env, "HOST_WORKERS", 2, { min: 1, max: 256 });
  // One connection per province and worker by default: a pool of five for each of 63 provinces would
  // ask PostgreSQL for 315 connections where it allows 100 unless told otherwise.
  const poolSize = readInt(env, "HOST_POOL_SIZE", 1, { min: 1, max: 100 });
  const databaseOf = (id: string): DatabaseConfig =>
    url ? { type: "postgres", url, schema: `province_${id.replaceAll("-", "_")}`, poolSize } : { type: "sqlite", file: join(sqliteDir, `${id}.sqlite`) };
  const provinces: HostedProvince[] = ids.map((provinceId) => ({ provinceId, database: databaseOf(provinceId), dataDir: join(dataRoot, provinceId) }));

  if (url) await checkConnectionBudget({ url, provinces: provinces.length, poolSize, workers });
  const started = performance.now();
  const host = await startIsolatedProvinceHost({ port, provinces, workers });
  for (const [id, provinceUrl] of host.urls) console.log(`province ${id}: ${provinceUrl}`);
  console.log(`province host: ${ids.length} provinces on port ${new URL(host.origin).port}, ${workers} worker thread(s), ready in ${Math.round(performance.now() - started)} ms`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void host.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  // A wrong setting is the operator's to fix: say which, without a stack trace.
  console.error(error instanceof ConfigError ? `province host: ${error.message}` : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
