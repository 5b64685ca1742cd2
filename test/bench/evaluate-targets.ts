import type { BenchReport } from "./run-bench.ts";

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

const GROWTH_LIMIT = 1.5;
const ADDED_LIMIT_MS = 5;
const OWN_COST_LIMIT_MS = 5;
const FLOOR_LIMIT = 2;
const COLD_START_LIMIT_MS = 1000;
const CACHED_LIMIT_MS = 1;
const CACHED_GROWTH_LIMIT = 1.5;

/** The targets, as ratios and differences within this one run. */
export function evaluateTargets(report: BenchReport): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const { records, fleets } of report.results) {
    const smallest = fleets[0];
    const largest = fleets.at(-1);
    if (smallest && largest && largest.provinces > smallest.provinces) {
      const ratio = largest.latency.medianMs / smallest.latency.medianMs;
      checks.push({
        target: `${records} records: median with ${largest.provinces} provinces ≤ ${GROWTH_LIMIT}× that with ${smallest.provinces}`,
        measured: `${largest.latency.medianMs} / ${smallest.latency.medianMs} ms = ${ratio.toFixed(2)}×`,
        met: ratio <= GROWTH_LIMIT,
      });
    }
    if (!largest) continue;
    const added = largest.gatewayCost.overHttp.addedOverSlowest.medianMs;
    checks.push({
      target: `${records} records: the gateway adds ≤ ${ADDED_LIMIT_MS} ms (median) over the slowest province, ${largest.provinces} provinces`,
      measured: `${added} ms (provinces replayed in-process: ${largest.gatewayCost.inProcess.medianMs} ms)`,
      met: added <= ADDED_LIMIT_MS,
    });
  }
  // Issue 8's targets for the gateway's own cost, for every engine compared.
  const engineNames: Record<string, string> = { apollo: "@apollo/gateway", hive: "Hive runtime (Rust planner)", "hive-js": "Hive runtime (JS planner)" };
  for (const { records, fleets } of report.results) {
    const largest = fleets.at(-1);
    const compared = largest?.gatewayCost.engines;
    if (!largest || !compared) continue;
    for (const engine of compared.engines) {
      const median = engine.ownCost.medianMs;
      checks.push({
        target: `${records} records, ${engineNames[engine.engine]}: own cost at ${largest.provinces} provinces ≤ ${OWN_COST_LIMIT_MS} ms (median), or ≤ ${FLOOR_LIMIT}× the floor`,
        measured: `${median} ms; floor ${compared.floor.medianMs} ms (${engine.ratioToFloor}×)`,
        met: median <= OWN_COST_LIMIT_MS || engine.ratioToFloor <= FLOOR_LIMIT,
      });
    }
    const smallest = fleets[0]?.gatewayCost.engines;
    for (const engine of compared.engines) {
      if (!engine.cachedOwnCost) continue;
      const median = engine.cachedOwnCost.medianMs;
      const base = smallest?.engines.find((e) => e.engine === engine.engine)?.cachedOwnCost?.medianMs;
      const growth = base ? median / base : 1;
      checks.push({
        target: `${records} records, ${engineNames[engine.engine]}: own cost with a warm cache at ${largest.provinces} provinces ≤ ${CACHED_LIMIT_MS} ms (median) and ≤ ${CACHED_GROWTH_LIMIT}× that at ${fleets[0]!.provinces}`,
        measured: `${median} ms; ${base ?? "?"} ms at ${fleets[0]!.provinces} (${growth.toFixed(2)}×)`,
        met: median <= CACHED_LIMIT_MS && growth <= CACHED_GROWTH_LIMIT,
      });
    }
    for (const { engine, firstAnswer } of largest.coldStart ?? []) {
      checks.push({
        target: `${records} records, ${engineNames[engine]}: cold start to the first whole answer at ${largest.provinces} provinces ≤ ${COLD_START_LIMIT_MS} ms`,
        measured: `${firstAnswer.medianMs} ms (median of ${firstAnswer.samples})`,
        met: firstAnswer.medianMs <= COLD_START_LIMIT_MS,
      });
    }
  }
  const statements = report.results.map((r) => `${r.statementsPerRequest} at ${r.records}`);
  checks.push({
    target: "SQL statements per request per province do not grow with the records",
    measured: statements.join(", "),
    met: new Set(report.results.map((r) => r.statementsPerRequest)).size === 1,
  });
  return checks;
}
