// `npm run bench`: the federation measured on synthetic provinces, on loopback. Prints Markdown
// tables and writes the figures as JSON (bench-results/). Options: --provinces 3,15,63
// --records 100,10000 --requests 100 --connections 4 --throughput-seconds 5
// --host-workers <cores> --in-process-requests 50 --out bench-results
// --engines apollo,hive,hive-js (compared in-process on the same replayed answers)
// --cold-starts 3 (gateway processes per engine, spawn to first whole answer, at the largest fleet; 0: none)
// --cold-start-from built (node on dist/main.js, after `npm run build`, as production; or: sources, through tsx)
// --gateway-engine hive (the engine of the gateway process measured end to end; with and without the response cache)
// --profile DIR (every service process writes a `node --cpu-prof` profile there)
// --report FILE (print the tables of an earlier run's JSON again)
import "reflect-metadata";
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { GATEWAY_ENGINES, type GatewayEngineName } from "@khcn/gateway";
import { evaluateTargets, type TargetCheck } from "./evaluate-targets.ts";
import { formatReport } from "./format-report.ts";
import { type BenchReport, runBench } from "./run-bench.ts";

function readList(name: string, raw: string): number[] {
  const values = raw.split(",").map((v) => Number(v.trim()));
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 1)) throw new Error(`--${name} takes whole numbers separated by commas, got "${raw}"`);
  return values.sort((a, b) => a - b);
}

function readCount(name: string, raw: string, min = 1): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} takes a whole number${min === 0 ? "" : " from 1"}, got "${raw}"`);
  return value;
}

function readEngine(name: string, raw: string): GatewayEngineName {
  if (!(GATEWAY_ENGINES as readonly string[]).includes(raw)) throw new Error(`--${name} takes one of ${GATEWAY_ENGINES.join(", ")}, got "${raw}"`);
  return raw as GatewayEngineName;
}

const { values } = parseArgs({
  options: {
    provinces: { type: "string", default: "3,15,63" },
    records: { type: "string", default: "100,10000" },
    requests: { type: "string", default: "100" },
    connections: { type: "string", default: "4" },
    "throughput-seconds": { type: "string", default: "5" },
    "host-workers": { type: "string", default: String(availableParallelism()) },
    "in-process-requests": { type: "string", default: "50" },
    // The chosen engine and the one it replaced; hive-js (Hive's JavaScript planner) on request.
    engines: { type: "string", default: "apollo,hive" },
    "cold-starts": { type: "string", default: "3" },
    "cold-start-from": { type: "string", default: "built" },
    "gateway-engine": { type: "string", default: "hive" },
    out: { type: "string", default: "bench-results" },
    profile: { type: "string" },
    report: { type: "string" },
  },
});

if (values.report) {
  // Prints the tables of an earlier run's JSON again, without measuring anything.
  const { targets, ...report } = JSON.parse(await readFile(values.report, "utf8")) as BenchReport & { targets: TargetCheck[] };
  console.log(formatReport(report, targets));
  process.exit(0);
}

const coldStartFrom = values["cold-start-from"];
if (coldStartFrom !== "built" && coldStartFrom !== "sources") throw new Error(`--cold-start-from takes built or sources, got "${coldStartFrom}"`);
// The cold start runs the gateway as production does, compiled: build what changed since the last build.
if (coldStartFrom === "built" && values["cold-starts"] !== "0") execFileSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"] });

const workDir = await mkdtemp(join(tmpdir(), "khcn-bench-"));
try {
  const started = performance.now();
  const report = await runBench({
    provinces: readList("provinces", values.provinces),
    records: readList("records", values.records),
    requests: readCount("requests", values.requests),
    connections: readCount("connections", values.connections),
    throughputSeconds: readCount("throughput-seconds", values["throughput-seconds"]),
    hostWorkers: readCount("host-workers", values["host-workers"]),
    inProcessRequests: readCount("in-process-requests", values["in-process-requests"]),
    engines: values.engines.split(",").map((e) => readEngine("engines", e.trim())),
    coldStarts: readCount("cold-starts", values["cold-starts"], 0),
    coldStartFrom,
    gatewayEngine: readEngine("gateway-engine", values["gateway-engine"]),
    workDir,
    profileDir: values.profile ? resolve(values.profile) : undefined,
    log: (line) => console.error(`bench: ${line}`),
  });
  const targets = evaluateTargets(report);
  const out = resolve(values.out);
  await mkdir(out, { recursive: true });
  const json = JSON.stringify({ ...report, targets }, null, 2);
  const file = join(out, `bench-${report.startedAt.replaceAll(":", "-")}.json`);
  await Promise.all([writeFile(file, json), writeFile(join(out, "latest.json"), json)]);
  console.log(formatReport(report, targets));
  console.log(`\nFigures written to ${file} (and latest.json); the run took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
} finally {
  await rm(workDir, { recursive: true, force: true });
}
