import type { TargetCheck } from "./evaluate-targets.ts";
import type { BenchReport } from "./run-bench.ts";

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const ms = (value: number) => value.toFixed(2);
const rps = (value: number) => value.toFixed(1);

function table(header: string[], rows: (string | number)[][]): string {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

/** The report as Markdown tables, for the terminal and for docs/BENCHMARKS.md alike. */
export function formatReport(report: BenchReport, targets: readonly TargetCheck[]): string {
  const { machine, options } = report;
  const latencyRows = report.results.flatMap((r) => [
    ["one province, direct", r.records, ms(r.direct.medianMs), ms(r.direct.p99Ms), rps(r.directThroughput.requestsPerSecond), mib(r.provincePeakMemoryBytes)],
    ...r.fleets.map((f) => [`gateway, ${f.provinces} provinces`, r.records, ms(f.latency.medianMs), ms(f.latency.p99Ms), rps(f.throughput.requestsPerSecond), mib(f.gatewayPeakMemoryBytes)]),
  ]);
  const costRows = report.results.flatMap((r) =>
    r.fleets.map(({ provinces, gatewayCost: c }) => [
      r.records,
      provinces,
      ms(c.inProcess.medianMs),
      ms(c.inProcess.p99Ms),
      ms(c.overHttp.total.medianMs),
      ms(c.overHttp.slowestProvince.medianMs),
      ms(c.overHttp.addedOverSlowest.medianMs),
    ]),
  );
  return [
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${mib(machine.memoryBytes)}, Node ${machine.node} (${machine.platform}); run ${report.startedAt}.`,
    `Requests per latency figure: ${options.requests} one at a time after a warm-up; requests/s with ${options.connections} connections for ${options.throughputSeconds} s; in-process figures over ${options.inProcessRequests} requests; the provinces' host ran ${options.hostWorkers} worker process(es).`,
    "",
    "### The comparative query",
    "",
    table(["path", "tasks per province", "median ms", "p99 ms", "requests/s", "peak memory of that process"], latencyRows),
    "",
    "### The gateway's own cost (gateway in the benchmark's process)",
    "",
    table(["tasks per province", "provinces", "provinces replayed in-process: median ms", "p99 ms", "over HTTP: total median ms", "slowest province median ms", "added over slowest, median ms"], costRows),
    "",
    "### SQL statements per request, per province",
    "",
    table(["tasks per province", "statements"], report.results.map((r) => [r.records, r.statementsPerRequest])),
    "",
    "### Targets",
    "",
    table(["target", "measured", "met"], targets.map((t) => [t.target, t.measured, t.met ? "yes" : "**no**"])),
  ].join("\n");
}
