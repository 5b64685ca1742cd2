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
  const engineNames: Record<string, string> = { apollo: "@apollo/gateway", hive: "Hive runtime, Rust planner", "hive-js": "Hive runtime, JS planner" };
  const ratio = (value: number) => `${value.toFixed(2)}×`;
  // Reports written before the engines were compared have no `engines`.
  const engineRows = report.results.flatMap((r) =>
    r.fleets.flatMap(({ provinces, gatewayCost: { engines: e } }) =>
      e
        ? [
            ...e.engines.map((c) => [r.records, provinces, engineNames[c.engine] ?? c.engine, ms(c.ownCost.medianMs), ms(c.ownCost.p99Ms), ratio(c.ratioToApollo), ratio(c.ratioToFloor), ms(c.firstAnswerInProcessMs), (c.answerBytes / 1024).toFixed(0)]),
            [r.records, provinces, "floor: parse the answers, merge, serialise (no engine)", ms(e.floor.medianMs), ms(e.floor.p99Ms), ratio(e.floor.medianMs / e.engines[0]!.ownCost.medianMs), ratio(1), "", ""],
            [r.records, provinces, "the directory's round trip (in every engine's figure, not in the floor)", ms(e.directoryRoundTrip.medianMs), ms(e.directoryRoundTrip.p99Ms), "", "", "", ""],
            ...(e.identicalData ? [] : [[r.records, provinces, "**the engines' answers differ**", "", "", "", "", "", ""]]),
          ]
        : [],
    ),
  );
  // Issue 8's table: every figure beside its ratio to the smallest fleet's, engine by engine.
  const times = (value: number, base: number | undefined) => (base ? ` (${(value / base).toFixed(2)}×)` : "");
  const scaleRows = report.results.flatMap((r) => {
    const smallest = r.fleets[0];
    return r.fleets.flatMap((f) =>
      (f.gatewayCost.engines?.engines ?? []).map((c) => {
        const base = smallest?.gatewayCost.engines?.engines.find((e) => e.engine === c.engine);
        const endToEnd = c.engine === (options.gatewayEngine ?? "hive");
        return [
          r.records,
          f.provinces,
          engineNames[c.engine] ?? c.engine,
          ms(c.ownCost.medianMs) + times(c.ownCost.medianMs, base?.ownCost.medianMs),
          c.cachedOwnCost ? ms(c.cachedOwnCost.medianMs) + times(c.cachedOwnCost.medianMs, base?.cachedOwnCost?.medianMs) : "",
          endToEnd && f.uncached ? ms(f.uncached.latency.medianMs) + times(f.uncached.latency.medianMs, smallest?.uncached?.latency.medianMs) : "",
          endToEnd ? ms(f.latency.medianMs) + times(f.latency.medianMs, smallest?.latency.medianMs) : "",
          endToEnd && f.uncached ? rps(f.uncached.throughput.requestsPerSecond) + times(f.uncached.throughput.requestsPerSecond, smallest?.uncached?.throughput.requestsPerSecond) : "",
          endToEnd ? rps(f.throughput.requestsPerSecond) + times(f.throughput.requestsPerSecond, smallest?.throughput.requestsPerSecond) : "",
          endToEnd ? mib(Math.max(f.gatewayPeakMemoryBytes, f.uncached?.gatewayPeakMemoryBytes ?? 0)) : "",
        ];
      }),
    );
  });
  const coldRows = report.results.flatMap((r) =>
    r.fleets.flatMap(({ provinces, coldStart }) =>
      (coldStart ?? []).map((c) => [r.records, provinces, engineNames[c.engine] ?? c.engine, c.listening ? ms(c.listening.medianMs) : "", ms(c.firstAnswer.medianMs), ms(c.firstAnswer.p99Ms), c.firstAnswer.samples]),
    ),
  );
  const requestsPerEngine = report.results[0]?.fleets[0]?.gatewayCost.engines?.requests;
  return [
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${mib(machine.memoryBytes)}, Node ${machine.node} (${machine.platform}); run ${report.startedAt}.`,
    `Requests per latency figure: ${options.requests} one at a time after a warm-up; requests/s with ${options.connections} connections for ${options.throughputSeconds} s; in-process figures over ${options.inProcessRequests} requests; the provinces' host ran ${options.hostWorkers} worker process(es); the gateway process measured end to end ran ${engineNames[options.gatewayEngine ?? "apollo"]} (reports before the response cache: @apollo/gateway).`,
    "",
    "### The comparative query",
    "",
    table(["path", "tasks per province", "median ms", "p99 ms", "requests/s", "peak memory of that process"], latencyRows),
    "",
    ...(scaleRows.length > 0
      ? [
          "### Cold and cached, by fleet size",
          "",
          `Own cost: one POST in the benchmark's process, every province's answer replayed; cold is the engine alone, cached the same request answered by the response cache. End to end: the gateway's own process (${engineNames[options.gatewayEngine ?? "hive"]}) over HTTP, provinces real, with the response cache off and on. In brackets: the ratio to the ${report.results[0]?.fleets[0]?.provinces}-province figure.`,
          "",
          table(["tasks per province", "provinces", "engine", "own cost, cold: median ms", "own cost, cached: median ms", "end to end, no cache: median ms", "end to end, cached: median ms", "requests/s, no cache", "requests/s, cached", "gateway peak memory"], scaleRows),
          "",
        ]
      : []),
    "### The gateway's own cost (gateway in the benchmark's process)",
    "",
    table(["tasks per province", "provinces", "provinces replayed in-process (answer serialised): median ms", "p99 ms", "over HTTP: total median ms", "slowest province median ms", "added over slowest, median ms"], costRows),
    "",
    ...(engineRows.length > 0
      ? [
          "### The engines on the same replayed answers (gateway in the benchmark's process)",
          "",
          `One POST handled in process, from the request body to the serialised answer, every province's answer replayed; ${requestsPerEngine} requests per engine, interleaved. The ratios are of medians.`,
          "",
          table(["tasks per province", "provinces", "engine", "own cost: median ms", "p99 ms", "× @apollo/gateway", "× floor", "first answer, in process: ms", "answer KiB"], engineRows),
          "",
        ]
      : []),
    ...(coldRows.length > 0
      ? [
          "### Cold start: a new gateway process to its first whole answer",
          "",
          `From spawning the gateway's process (${options.coldStartFrom === "built" ? "node on the built dist/main.js, as production runs it" : "node with tsx on src/main.ts, as the benchmark runs every service"}) to the first whole answer to the comparative query, the provinces over HTTP; every province's contract is checked before the gateway listens.`,
          "",
          table(["tasks per province", "provinces", "engine", "listening (contracts checked): median ms", "first whole answer: median ms", "p99 ms", "starts"], coldRows),
          "",
        ]
      : []),
    "### SQL statements per request, per province",
    "",
    table(["tasks per province", "statements"], report.results.map((r) => [r.records, r.statementsPerRequest])),
    "",
    "### Targets",
    "",
    table(["target", "measured", "met"], targets.map((t) => [t.target, t.measured, t.met ? "yes" : "**no**"])),
  ].join("\n");
}
