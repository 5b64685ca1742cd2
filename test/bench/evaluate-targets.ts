import type { BenchReport } from "./run-bench.ts";

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

const GROWTH_LIMIT = 1.5;
const ADDED_LIMIT_MS = 5;

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
  const statements = report.results.map((r) => `${r.statementsPerRequest} at ${r.records}`);
  checks.push({
    target: "SQL statements per request per province do not grow with the records",
    measured: statements.join(", "),
    met: new Set(report.results.map((r) => r.statementsPerRequest)).size === 1,
  });
  return checks;
}
