import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { GatewayEngineName } from "@khcn/gateway";
import { findFreePort } from "../helpers/free-port.ts";
import { SOURCE_NODE_FLAGS } from "../helpers/service-process.ts";
import { comparativeQuery } from "./bench-queries.ts";
import { type Summary, summarize } from "./summarize.ts";

export interface ColdStartOptions {
  /** The gateway workspace folder. */
  cwd: string;
  env: Record<string, string>;
  engines: readonly GatewayEngineName[];
  /** Starts per engine, interleaved. */
  runs: number;
  /** Provinces the directory lists, each of which must answer with figures. */
  provinces: number;
  /** `built`: node alone on dist/main.js, as production runs it (run `npm run build` first); `sources`: src/main.ts through tsx. */
  from: "built" | "sources";
}

export interface ColdStart {
  engine: GatewayEngineName;
  /** From spawning the gateway's process to its first answer on /health/live: modules loaded, every province's contract checked, listening. */
  listening: Summary;
  /** From spawning the gateway's process to the first whole answer to the comparative query. */
  firstAnswer: Summary;
}

/**
 * Waits for the gateway to listen (GET /health/live, connection refused until then), then asks
 * the comparative query until the answer is whole (every province with figures). Resolves to when
 * it was listening.
 */
async function firstWholeAnswer(url: string, provinces: number, exited: Promise<string>, deadline: number): Promise<number> {
  let gone: string | undefined;
  void exited.then((why) => (gone = why));
  const live = new URL("/health/live", url).href;
  const body = JSON.stringify({ query: comparativeQuery });
  let last = "no answer yet";
  let listening: number | undefined;
  while (performance.now() < deadline) {
    if (gone) throw new Error(`the gateway ${gone} before answering`);
    try {
      if (listening === undefined) {
        if ((await fetch(live)).ok) listening = performance.now();
        else last = "not live";
      } else {
        const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
        const answer = (await response.json()) as { data?: { provinces: { qmsCoverage: unknown }[] }; errors?: { message: string }[] };
        const listed = answer.data?.provinces ?? [];
        if (!answer.errors?.length && listed.length === provinces && listed.every((p) => p.qmsCoverage !== null)) return listening;
        last = answer.errors?.[0]?.message ?? `${listed.length} provinces`;
      }
    } catch (error) {
      last = (error as Error).message;
    }
    if (listening === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`no whole answer from ${url} in time (${last})`);
}

/**
 * The gateway's cold start with each engine: a new process, built or from its sources (the loading
 * of its modules, the contract check of every province and the first plan included), timed from
 * spawn to the first whole answer to the comparative query, the provinces over HTTP.
 */
export async function measureColdStart(options: ColdStartOptions): Promise<ColdStart[]> {
  const { nodeFlags = [] } = JSON.parse(await readFile(join(options.cwd, "package.json"), "utf8")) as { nodeFlags?: string[] };
  const samples = new Map<GatewayEngineName, { listening: number[]; firstAnswer: number[] }>(options.engines.map((e) => [e, { listening: [], firstAnswer: [] }]));
  for (let run = 0; run < options.runs; run++) {
    for (let k = 0; k < options.engines.length; k++) {
      const engine = options.engines[(run + k) % options.engines.length]!;
      const port = await findFreePort();
      const started = performance.now();
      const entry = options.from === "built" ? ["dist/main.js"] : [...SOURCE_NODE_FLAGS, "src/main.ts"];
      const child = spawn(process.execPath, [...nodeFlags, ...entry], {
        cwd: options.cwd,
        env: { ...process.env, ...options.env, GATEWAY_ENGINE: engine, PORT: String(port) },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let errors = "";
      child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
      const exited = once(child, "exit").then(([code, signal]) => `exited with ${signal ?? code}: ${errors}`);
      try {
        const listening = await firstWholeAnswer(`http://127.0.0.1:${port}/graphql`, options.provinces, exited, started + 60_000);
        samples.get(engine)!.firstAnswer.push(performance.now() - started);
        samples.get(engine)!.listening.push(listening - started);
      } finally {
        child.kill("SIGKILL");
        await exited;
      }
    }
  }
  return options.engines.map((engine) => ({ engine, listening: summarize(samples.get(engine)!.listening), firstAnswer: summarize(samples.get(engine)!.firstAnswer) }));
}
