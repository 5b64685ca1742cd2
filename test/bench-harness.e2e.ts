import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateTargets } from "./bench/evaluate-targets.ts";
import { formatReport } from "./bench/format-report.ts";
import { type BenchReport, runBench } from "./bench/run-bench.ts";

// `npm run bench` at tiny sizes: the harness runs every measurement it reports, end to end, so a
// broken bench shows here and not only when someone runs the ten-minute version.
describe("the benchmark harness, at tiny sizes", () => {
  let workDir: string;
  let report: BenchReport;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), "khcn-bench-smoke-"));
    report = await runBench({ provinces: [1, 3], records: [4, 40], requests: 5, connections: 2, throughputSeconds: 1, hostWorkers: 2, inProcessRequests: 3, coldStarts: 1, workDir });
  }, 240_000);
  afterAll(() => rm(workDir, { recursive: true, force: true }));

  it("measures the comparative query through the gateway for every fleet size, and one province directly", () => {
    expect(report.results.map((r) => r.records)).toEqual([4, 40]);
    for (const result of report.results) {
      expect(result.fleets.map((f) => f.provinces)).toEqual([1, 3]);
      expect(result.direct.samples).toBe(5);
      for (const { latency, throughput, gatewayPeakMemoryBytes } of result.fleets) {
        expect(latency.samples).toBe(5);
        expect(latency.medianMs).toBeGreaterThan(0);
        expect(latency.p99Ms).toBeGreaterThanOrEqual(latency.medianMs);
        expect(throughput.samples).toBeGreaterThan(0);
        expect(throughput.requestsPerSecond).toBeGreaterThan(0);
        expect(gatewayPeakMemoryBytes).toBeGreaterThan(10 * 1024 * 1024);
      }
      expect(result.provincePeakMemoryBytes).toBeGreaterThan(10 * 1024 * 1024);
    }
  });

  it("times the gateway's own work apart from the provinces it waits for", () => {
    for (const { gatewayCost } of report.results.flatMap((r) => r.fleets)) {
      expect(gatewayCost.inProcess.samples).toBe(3);
      const { total, slowestProvince } = gatewayCost.overHttp;
      expect(slowestProvince.medianMs).toBeGreaterThan(0);
      expect(slowestProvince.medianMs).toBeLessThan(total.p99Ms);
    }
  });

  it("compares every engine's own cost with the floor on the same replayed answers, and times each engine's cold start at the largest fleet", () => {
    for (const { provinces, records, gatewayCost, coldStart } of report.results.flatMap((r) => r.fleets)) {
      const { engines, floor, identicalData } = gatewayCost.engines;
      expect(engines.map((e) => e.engine)).toEqual(["apollo", "hive", "hive-js"]);
      expect(identicalData).toBe(true);
      expect(engines[0]!.ratioToApollo).toBe(1);
      for (const engine of engines) expect(engine.ownCost.samples).toBe(3);
      expect(floor.medianMs).toBeGreaterThan(0);
      expect(coldStart?.map((c) => c.engine)).toEqual(provinces === 3 && records === 4 ? ["apollo", "hive", "hive-js"] : undefined);
    }
  });

  it("counts the same SQL statements per province for 4 tasks as for 40", () => {
    const [few, many] = report.results;
    expect(few!.statementsPerRequest).toBeGreaterThan(0);
    expect(many!.statementsPerRequest).toBe(few!.statementsPerRequest);
    expect(evaluateTargets(report).find((t) => t.target.startsWith("SQL statements"))?.met).toBe(true);
  });

  it("prints a table of every figure and every target", () => {
    const text = formatReport(report, evaluateTargets(report));
    expect(text).toContain("| gateway, 3 provinces | 40 |");
    expect(text).toContain("| one province, direct | 4 |");
    expect(text).toMatch(/median with 3 provinces ≤ 1.5× that with 1/);
  });
});
