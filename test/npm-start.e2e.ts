import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ComparativeAnswer, provinceOf, readComparativeQuery } from "./helpers/comparative-query.ts";
import { findFreePort } from "./helpers/free-port.ts";
import { postQuery, PROVINCE_IDS } from "./helpers/start-system.ts";

// `npm start` as a new user runs it (`node scripts/start.mjs` is what the root script calls),
// on free ports and a temporary database folder, so it never touches a running one.
const root = fileURLToPath(new URL("..", import.meta.url));
const names = ["GATEWAY_PORT", "DIRECTORY_PORT", "LANG_SON_PORT", "LONG_AN_PORT", "BAC_GIANG_PORT"] as const;

interface Launch {
  child: ChildProcess;
  output(): string;
  exit: Promise<number | null>;
}

function launch(env: Record<string, string>): Launch {
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output, exit: once(child, "exit").then(([code]) => code as number | null) };
}

async function waitForOutput(run: Launch, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!run.output().includes(text)) {
    if (run.child.exitCode !== null) throw new Error(`npm start exited with ${run.child.exitCode}:\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let ports: Record<(typeof names)[number], number>;
let sqliteDir: string;
let run: Launch;

beforeAll(async () => {
  ports = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await findFreePort()]))) as typeof ports;
  sqliteDir = await mkdtemp(join(tmpdir(), "khcn-npm-start-"));
  run = launch({ ...Object.fromEntries(names.map((n) => [n, String(ports[n])])), SQLITE_DIR: sqliteDir });
  await waitForOutput(run, "KH&CN federation is up", 120_000);
}, 130_000);

afterAll(async () => {
  if (run?.child.exitCode === null) {
    run.child.kill("SIGKILL");
    await run.exit;
  }
  await rm(sqliteDir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("prints every service's name, URL and port", () => {
    const output = run.output();
    expect(output).toMatch(new RegExp(`directory\\s+http://localhost:${ports.DIRECTORY_PORT}/graphql\\s+${ports.DIRECTORY_PORT}`));
    expect(output).toMatch(new RegExp(`province Lạng Sơn\\s+http://localhost:${ports.LANG_SON_PORT}/graphql\\s+${ports.LANG_SON_PORT}`));
    expect(output).toMatch(new RegExp(`province Long An\\s+http://localhost:${ports.LONG_AN_PORT}/graphql\\s+${ports.LONG_AN_PORT}`));
    expect(output).toMatch(new RegExp(`province Bắc Giang\\s+http://localhost:${ports.BAC_GIANG_PORT}/graphql\\s+${ports.BAC_GIANG_PORT}`));
    expect(output).toMatch(new RegExp(`gateway\\s+http://localhost:${ports.GATEWAY_PORT}/graphql\\s+${ports.GATEWAY_PORT}`));
  });

  it("prints the comparison page's URL, and serves the page there (built on the first start if missing)", async () => {
    expect(run.output()).toContain(`http://localhost:${ports.GATEWAY_PORT}/dashboard/`);
    const page = await fetch(`http://127.0.0.1:${ports.GATEWAY_PORT}/dashboard/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<script type="module"[^>]+src="\/dashboard\/assets\/index-[\w-]+\.js"/);
  });

  it("serves the comparative query with the three provinces' figures", async () => {
    const { data, errors } = await postQuery<ComparativeAnswer>(`http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`, await readComparativeQuery());
    expect(errors).toBeUndefined();
    for (const id of PROVINCE_IDS) expect(provinceOf(data, id).documents?.length, id).toBeGreaterThan(0);
  });

  it("stops every service on Ctrl-C (SIGINT) and exits 0", async () => {
    run.child.kill("SIGINT");
    expect(await run.exit).toBe(0);
    for (const name of names) {
      const free = await new Promise<boolean>((resolve) => {
        const probe = createServer().once("error", () => resolve(false));
        probe.listen(ports[name], () => probe.close(() => resolve(true)));
      });
      expect(free, `${name} ${ports[name]} is released`).toBe(true);
    }
  });

  it("refuses to start, naming the port, when one is taken", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const port = (taken.address() as { port: number }).port;
    const failed = launch({ LONG_AN_PORT: String(port), SQLITE_DIR: sqliteDir, GATEWAY_PORT: String(await findFreePort()) });
    expect(await failed.exit).toBe(1);
    expect(failed.output()).toContain(`long-an (${port})`);
    taken.close();
  });
});
