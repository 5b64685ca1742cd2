import "reflect-metadata";
import cluster from "node:cluster";
import { once } from "node:events";
import { join } from "node:path";
import { ConfigError, readInt, readOptionalString, readPath, readPort, readString } from "@khcn/shared";
import type { DatabaseConfig } from "../data-source.ts";
import { packageDir } from "../paths.ts";
import { checkConnectionBudget } from "./check-connection-budget.ts";
import { prepareHostedProvinces } from "./prepare-hosted-provinces.ts";
import { type HostedProvince, startProvinceHost } from "./start-province-host.ts";

/**
 * HOSTED_PROVINCES=lang-son,long-an (required), PORT (4200), DATABASE_URL (one PostgreSQL database,
 * a schema per province) or HOST_SQLITE_DIR (a SQLite file per province), HOST_DATA_ROOT (a folder
 * holding one CSV folder per province; default subgraphs/province/data), HOST_WORKERS (1: worker
 * processes sharing the port, each serving every hosted province; one per core uses them all),
 * HOST_POOL_SIZE (1: PostgreSQL connections per province and worker; checked against the server's
 * max_connections at start).
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
  const workers = readInt(env, "HOST_WORKERS", 1, { min: 1, max: 256 });
  if (workers > 1 && port === 0) throw new ConfigError("HOST_WORKERS above 1 needs a fixed PORT: the workers share it");
  // One connection per province and worker by default: a pool of five for each of 63 provinces would
  // ask PostgreSQL for 315 connections where it allows 100 unless told otherwise.
  const poolSize = readInt(env, "HOST_POOL_SIZE", 1, { min: 1, max: 100 });
  const databaseOf = (id: string): DatabaseConfig =>
    url ? { type: "postgres", url, schema: `province_${id.replaceAll("-", "_")}`, poolSize } : { type: "sqlite", file: join(sqliteDir, `${id}.sqlite`) };
  const provinces: HostedProvince[] = ids.map((provinceId) => ({ provinceId, database: databaseOf(provinceId), dataDir: join(dataRoot, provinceId) }));
  const urlOf = (id: string) => `http://127.0.0.1:${port}/provinces/${id}/graphql`;

  if (url && cluster.isPrimary) await checkConnectionBudget({ url, provinces: provinces.length, poolSize, workers });

  if (workers > 1 && cluster.isPrimary) {
    await prepareHostedProvinces(provinces);
    let started = false;
    let stopping = false;
    cluster.on("exit", (worker, code, signal) => {
      if (stopping) return;
      if (!started) {
        // A worker that cannot start (the port is taken, a province is listed twice) fails them all alike.
        console.error(`province host: a worker exited with ${signal ?? code} before serving; stopping`);
        stopping = true;
        for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
        process.exitCode = 1;
        return;
      }
      console.error(`province host: worker ${worker.process.pid} exited with ${signal ?? code}; starting another in a second`);
      setTimeout(() => stopping || cluster.fork(), 1000);
    });
    const listening = Array.from({ length: workers }, () => once(cluster.fork(), "listening"));
    const failed = once(cluster, "exit");
    await Promise.race([Promise.all(listening), failed]);
    if (stopping) {
      await new Promise<void>((resolve) => cluster.once("disconnect", () => resolve()));
    } else {
      started = true;
      for (const id of ids) console.log(`province ${id}: ${urlOf(id)}`);
      console.log(`province host: ${workers} workers on port ${port}`);
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => {
          stopping = true;
          const running = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
          void Promise.all(running.map((w) => (w.process.kill("SIGTERM"), once(w, "exit")))).then(() => process.exit(0));
        });
      }
    }
  } else {
    // A worker finds every database prepared by the primary, and never loads files itself.
    const host = await startProvinceHost({ port, provinces: cluster.isWorker ? provinces.map((p) => ({ ...p, loadOnStart: "never" as const })) : provinces });
    if (cluster.isPrimary) for (const [id, provinceUrl] of host.urls) console.log(`province ${id}: ${provinceUrl}`);
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void host.stop().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  // A wrong setting is the operator's to fix: say which, without a stack trace.
  console.error(error instanceof ConfigError ? `province host: ${error.message}` : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
