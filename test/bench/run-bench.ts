import { copyFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { findFreePort } from "../helpers/free-port.ts";
import { postQuery } from "../helpers/start-system.ts";
import { type ServiceProcess, startServiceProcess } from "../helpers/service-process.ts";
import { comparativeQuery, directProvinceQuery, representationsOf } from "./bench-queries.ts";
import { countStatementsPerRequest } from "./count-statements.ts";
import type { GatewayEngineName } from "@khcn/gateway";
import { type ColdStart, measureColdStart } from "./measure-cold-start.ts";
import { type GatewayCost, measureGatewayCost } from "./measure-gateway-cost.ts";
import { type LatencyFigures, measureLatency } from "./measure-latency.ts";
import { prepareSyntheticFleet } from "./prepare-synthetic-fleet.ts";
import { writeDirectoryRegistry } from "./write-directory-registry.ts";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const packages = { gateway: join(repo, "gateway"), directory: join(repo, "subgraphs/directory"), province: join(repo, "subgraphs/province") };

export interface BenchOptions {
  /** Fleet sizes, e.g. [3, 15, 63]. */
  provinces: number[];
  /** Tasks per province, e.g. [100, 10000]; indicators and funding rows scale with them. */
  records: number[];
  /** Requests per latency measurement (one at a time, after a warm-up). */
  requests: number;
  /** Concurrent connections for the requests-per-second measurement. */
  connections: number;
  /** How long each requests-per-second measurement lasts, in seconds. */
  throughputSeconds: number;
  /** Worker processes of the multi-province host (HOST_WORKERS). */
  hostWorkers: number;
  /** Requests for the in-process gateway measurements. */
  inProcessRequests: number;
  /** The engines whose own cost is compared on the same replayed answers (@apollo/gateway always is); all by default. */
  engines?: GatewayEngineName[];
  /** Cold starts of the gateway process per engine, at the largest fleet of the first record count (0: none); 3 by default. */
  coldStarts?: number;
  /** What a cold start runs: the built gateway (dist/, `npm run build` first) or its sources through tsx (the default). */
  coldStartFrom?: "built" | "sources";
  /** The engine of the gateway process measured end to end (latency, requests/s, memory); Hive's runtime (Rust planner) by default. */
  gatewayEngine?: GatewayEngineName;
  workDir: string;
  /** When set, every service process writes a V8 CPU profile (`node --cpu-prof`) into this folder. */
  profileDir?: string;
  log?: (line: string) => void;
}

export interface FleetFigures {
  provinces: number;
  records: number;
  /** One request at a time, the gateway as deployed (its response cache on: every request after the first is a hit). */
  latency: LatencyFigures;
  /** `connections` at once: what the gateway sustains. */
  throughput: LatencyFigures;
  gatewayPeakMemoryBytes: number;
  /** The same with RESPONSE_CACHE=off: every request asks every province. */
  uncached: { latency: LatencyFigures; throughput: LatencyFigures; gatewayPeakMemoryBytes: number };
  /** The gateway in the benchmark's own process, provinces replayed in-process and over HTTP. */
  gatewayCost: GatewayCost;
  /** At the largest fleet of the first record count only: each engine's gateway process from spawn to its first whole answer. */
  coldStart?: ColdStart[];
}

export interface RecordsFigures {
  records: number;
  /** The same selection straight to one province subgraph process. */
  direct: LatencyFigures;
  directThroughput: LatencyFigures;
  provincePeakMemoryBytes: number;
  /** SQL statements one province runs per request. */
  statementsPerRequest: number;
  fleets: FleetFigures[];
}

export interface BenchReport {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryBytes: number; node: string; platform: string };
  options: Omit<BenchOptions, "workDir" | "log" | "profileDir" | "engines" | "coldStarts" | "coldStartFrom" | "gatewayEngine"> & {
    engines: GatewayEngineName[];
    coldStarts: number;
    coldStartFrom: "built" | "sources";
    gatewayEngine: GatewayEngineName;
  };
  results: RecordsFigures[];
}

/** Asks once and checks the answer is whole, so no figure below comes from errors. */
async function assertComparativeAnswer(url: string, provinces: number): Promise<void> {
  const answer = await postQuery<{ provinces: { id: string; qmsCoverage: unknown[] | null; tasks: unknown[] | null }[] }>(url, comparativeQuery);
  if (answer.errors?.length) throw new Error(`the comparative query failed: ${answer.errors[0]!.message}`);
  const listed = answer.data?.provinces ?? [];
  const whole = listed.filter((p) => p.qmsCoverage !== null && p.tasks !== null).length;
  if (listed.length !== provinces || whole !== provinces) throw new Error(`the comparative query answered ${listed.length} provinces, ${whole} with figures; expected ${provinces}`);
}

async function stopAll(services: (ServiceProcess | undefined)[]): Promise<void> {
  await Promise.all(services.map((s) => s?.stop()));
}

/**
 * Measures the federation on synthetic provinces: for each record count, a fleet of the largest
 * size is prepared and served by one multi-province host process; one province also runs alone
 * (the direct baseline), and for each fleet size a directory and a gateway process are started.
 */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? (() => {});
  const nodeOptions = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [];
  // The services run as the Docker image runs them: graphql-js skips its development-only checks.
  const asDeployed = { NODE_ENV: "production" };
  const largest = Math.max(...options.provinces);
  const engines: GatewayEngineName[] = ["apollo", ...(options.engines ?? ["hive", "hive-js"]).filter((e) => e !== "apollo")];
  const coldStarts = options.coldStarts ?? 3;
  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "unknown", memoryBytes: totalmem(), node: process.version, platform: `${process.platform} ${process.arch}` },
    options: {
      provinces: options.provinces,
      records: options.records,
      requests: options.requests,
      connections: options.connections,
      throughputSeconds: options.throughputSeconds,
      hostWorkers: options.hostWorkers,
      inProcessRequests: options.inProcessRequests,
      engines,
      coldStarts,
      coldStartFrom: options.coldStartFrom ?? "sources",
      gatewayEngine: options.gatewayEngine ?? "hive",
    },
    results: [],
  };
  const measure = (url: string, query: string, variables?: Record<string, unknown>, connections = 1) =>
    measureLatency({ url, query, variables, connections, amount: options.requests, durationSeconds: options.throughputSeconds, warmup: Math.min(20, options.requests) });

  for (const records of options.records) {
    log(`records ${records}: generating and loading ${largest} synthetic provinces`);
    const fleet = await prepareSyntheticFleet(options.workDir, largest, records);
    const [first] = fleet.ids as [string];
    const aloneFile = join(options.workDir, `tasks-${records}`, "alone.sqlite");
    await copyFile(fleet.sqliteFileOf(first), aloneFile);

    let host: ServiceProcess | undefined;
    let alone: ServiceProcess | undefined;
    try {
      const hostPort = await findFreePort();
      [host, alone] = await Promise.all([
        startServiceProcess({
          port: hostPort,
          label: "province host",
          cwd: packages.province,
          entry: "src/host/main.ts",
          env: { ...asDeployed, HOSTED_PROVINCES: fleet.ids.join(","), HOST_SQLITE_DIR: join(options.workDir, `tasks-${records}`, "db"), HOST_WORKERS: String(options.hostWorkers) },
          healthPath: "/health",
          timeoutMs: 180_000,
          nodeOptions,
        }),
        startServiceProcess({
          label: `province ${first}`,
          cwd: packages.province,
          entry: "src/main.ts",
          env: { ...asDeployed, PROVINCE_ID: first, SQLITE_FILE: aloneFile, LOAD_ON_START: "never" },
          healthPath: "/health",
          nodeOptions,
        }),
      ]);
      const aloneUrl = `${alone.origin}/graphql`;
      log(`records ${records}: one province subgraph directly`);
      const direct = await measure(aloneUrl, directProvinceQuery, representationsOf(first));
      const directThroughput = await measure(aloneUrl, directProvinceQuery, representationsOf(first), options.connections);
      const provincePeakMemoryBytes = await alone.peakMemoryBytes();
      log(`  median ${direct.medianMs} ms, p99 ${direct.p99Ms} ms; ${directThroughput.requestsPerSecond} requests/s with ${options.connections} connections`);
      const statementsPerRequest = await countStatementsPerRequest(first, { type: "sqlite", file: aloneFile });

      const fleets: FleetFigures[] = [];
      for (const provinces of options.provinces) {
        const ids = fleet.ids.slice(0, provinces);
        const registryFile = join(options.workDir, `directory-${provinces}.json`);
        await writeDirectoryRegistry(registryFile, ids);
        const routes = ids.map((id) => ({ id, url: `${host!.origin}/provinces/${id}/graphql` }));
        let directory: ServiceProcess | undefined;
        let gateway: ServiceProcess | undefined;
        try {
          directory = await startServiceProcess({ label: "directory", cwd: packages.directory, entry: "src/main.ts", env: { ...asDeployed, DIRECTORY_FILE: registryFile }, healthPath: "/health", nodeOptions });
          const directoryUrl = `${directory.origin}/graphql`;
          const gatewayEnv = {
            ...asDeployed,
            DIRECTORY_URL: directoryUrl,
            PROVINCE_SUBGRAPHS: routes.map((r) => `${r.id}=${r.url}`).join(","),
            PROVINCE_TIMEOUT_MS: "60000",
            CONTRACT_CHECK_INTERVAL_MS: "0",
          };
          const startGatewayProcess = (cache: "memory" | "off") =>
            startServiceProcess({
              label: "gateway",
              cwd: packages.gateway,
              entry: "src/main.ts",
              env: { ...gatewayEnv, GATEWAY_ENGINE: options.gatewayEngine ?? "hive", RESPONSE_CACHE: cache },
              healthPath: "/health/ready",
              nodeOptions,
            });
          gateway = await startGatewayProcess("off");
          let gatewayUrl = `${gateway.origin}/graphql`;
          await assertComparativeAnswer(gatewayUrl, provinces);
          log(`records ${records}, provinces ${provinces}: the comparative query through the gateway, no response cache`);
          const uncachedLatency = await measure(gatewayUrl, comparativeQuery);
          const uncachedThroughput = await measure(gatewayUrl, comparativeQuery, undefined, options.connections);
          const uncached = { latency: uncachedLatency, throughput: uncachedThroughput, gatewayPeakMemoryBytes: await gateway.peakMemoryBytes() };
          log(`  median ${uncachedLatency.medianMs} ms, p99 ${uncachedLatency.p99Ms} ms; ${uncachedThroughput.requestsPerSecond} requests/s with ${options.connections} connections`);
          await gateway.stop();
          gateway = await startGatewayProcess("memory");
          gatewayUrl = `${gateway.origin}/graphql`;
          await assertComparativeAnswer(gatewayUrl, provinces);
          log(`records ${records}, provinces ${provinces}: the comparative query through the gateway as deployed (response cache in memory)`);
          const latency = await measure(gatewayUrl, comparativeQuery);
          const throughput = await measure(gatewayUrl, comparativeQuery, undefined, options.connections);
          const gatewayPeakMemoryBytes = await gateway.peakMemoryBytes();
          log(`  median ${latency.medianMs} ms, p99 ${latency.p99Ms} ms; ${throughput.requestsPerSecond} requests/s with ${options.connections} connections`);
          log(`records ${records}, provinces ${provinces}: the gateway's own cost, in-process`);
          const warmup = Math.min(10, options.inProcessRequests);
          const gatewayCost = await measureGatewayCost({ directoryUrl, provinces: routes, requests: options.inProcessRequests, warmup, engines });
          log(`  provinces replayed: median ${gatewayCost.inProcess.medianMs} ms; over HTTP, added over the slowest province: ${gatewayCost.overHttp.addedOverSlowest.medianMs} ms`);
          const { engines: compared, floor } = gatewayCost.engines;
          log(`  engines on the same replayed answers: ${compared.map((e) => `${e.engine} ${e.ownCost.medianMs} ms (${e.ratioToApollo}×), cached ${e.cachedOwnCost.medianMs} ms`).join(", ")}; floor ${floor.medianMs} ms${gatewayCost.engines.identicalData ? "" : "; THE ENGINES' ANSWERS DIFFER"}`);
          let coldStart: ColdStart[] | undefined;
          // Once, at the largest fleet of the first record count: a start does not read the provinces' records.
          if (provinces === largest && records === options.records[0] && coldStarts > 0) {
            log(`records ${records}, provinces ${provinces}: each engine's cold start to its first whole answer, ${coldStarts} each`);
            await gateway.stop();
            coldStart = await measureColdStart({ cwd: packages.gateway, env: gatewayEnv, engines, runs: coldStarts, provinces, from: options.coldStartFrom ?? "sources" });
            log(`  ${coldStart.map((c) => `${c.engine} ${c.firstAnswer.medianMs} ms`).join(", ")}`);
          }
          fleets.push({ provinces, records, latency, throughput, gatewayPeakMemoryBytes, uncached, gatewayCost, ...(coldStart ? { coldStart } : {}) });
        } finally {
          await stopAll([gateway, directory]);
        }
      }
      report.results.push({ records, direct, directThroughput, provincePeakMemoryBytes, statementsPerRequest, fleets });
    } finally {
      await stopAll([host, alone]);
    }
  }
  return report;
}
