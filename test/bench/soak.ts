// `npm run soak`: the gateway under hostile traffic and misbehaving provinces, as issue "Hostile
// traffic" asks. Two phases against a gateway process (Hive's runtime, response cache off so every
// request reaches the provinces) with Lạng Sơn healthy, Bắc Giang a process that is killed and
// restarted mid-run, and Long An behind a server that answers garbage:
// 1. attacks: each oversized or hostile operation, at the gateway and at a province's own endpoint,
//    timed to its refusal; the gateway's memory before and after;
// 2. load: --seconds (60) of the comparative query from --connections (4) clients, every answer
//    checked, after --warmup (10) seconds of the same; the gateway's resident memory sampled every second.
// Prints the figures and the pass/fail of each criterion; writes them to bench-results/soak-*.json.
import "reflect-metadata";
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startDirectorySubgraph } from "@khcn/directory";
import { startProvinceSubgraph } from "@khcn/province";
import { forwardTo, startFakeProvince } from "../../gateway/src/province-router/testing/start-fake-province.ts";
import { type ComparativeAnswer, readComparativeQuery } from "../helpers/comparative-query.ts";
import { startProvinceProcess } from "../helpers/province-process.ts";
import { type ServiceProcess, startServiceProcess } from "../helpers/service-process.ts";
import { type Summary, summarize } from "./summarize.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    connections: { type: "string", default: "4" },
    warmup: { type: "string", default: "10" },
    out: { type: "string", default: "bench-results" },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
if (!Number.isInteger(seconds) || seconds < 20) throw new Error(`--seconds takes a whole number from 20, got "${values.seconds}"`);
if (!Number.isInteger(connections) || connections < 1) throw new Error(`--connections takes a whole number from 1, got "${values.connections}"`);

const gatewayPackage = fileURLToPath(new URL("../../gateway/", import.meta.url));
// The gateway runs as production runs it, compiled (its memory is the figure): build what changed.
execFileSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"] });
const log = (line: string) => console.error(`soak: ${line}`);

interface Answer {
  status: number;
  ms: number;
  json?: { data?: ComparativeAnswer | null; errors?: { message: string; extensions?: { code?: string; province?: { id?: string } } }[] };
}

async function post(url: string, body: string): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const text = await response.text();
  const ms = performance.now() - started;
  try {
    return { status: response.status, ms, json: JSON.parse(text) as Answer["json"] };
  } catch {
    return { status: response.status, ms };
  }
}

/** The gateway's V8 heap in use, from its own /metrics (prom-client's default metrics). */
async function heapUsedBytes(origin: string): Promise<number> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  return Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1] ?? 0);
}

async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** The attacks measured before this work, as bodies. */
function attacks(): { name: string; target: "gateway" | "province"; body: string }[] {
  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: provinces { tasks { title } }`).join(" ")} }`;
  const fanOut = (() => {
    // Each fragment spreads the next one ten times: 10^8 fields from 1.5 KB.
    const levels = 8;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Province { id name }` : `fragment F${i} on Province { ${Array.from({ length: 10 }, (_, k) => `x${k}: successor { ...F${i + 1} }`).join(" ")} }`,
    );
    return `{ provinces { ...F0 } } ${fragments.join(" ")}`;
  })();
  const deep = `{ provinces { ${"predecessors { successor { ".repeat(16)}id${" } }".repeat(16)} } }`;
  const representations = JSON.stringify({
    query: "query ($r: [_Any!]!) { _entities(representations: $r) { ... on Province { id tasks { title } } } }",
    variables: { r: Array.from({ length: 10_000 }, () => ({ __typename: "Province", id: "lang-son" })) },
  });
  const provinceAliases = `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: thisProvince { id }`).join(" ")} }`;
  return [
    { name: "10,000 aliases of provinces { tasks } (1 MB)", target: "gateway", body: JSON.stringify({ query: aliases(10_000) }) },
    { name: "1,000 aliases of provinces { tasks } (99 KB)", target: "gateway", body: JSON.stringify({ query: aliases(1000) }) },
    { name: "fragment fan-out (1.5 KB)", target: "gateway", body: JSON.stringify({ query: fanOut }) },
    { name: "predecessors { successor } 32 levels deep", target: "gateway", body: JSON.stringify({ query: deep }) },
    { name: "a province's endpoint: 10,000 aliases", target: "province", body: JSON.stringify({ query: provinceAliases }) },
    { name: "a province's endpoint: _entities with 10,000 representations", target: "province", body: representations },
  ];
}

const workDir = await mkdtemp(join(tmpdir(), "khcn-soak-"));
const stops: (() => Promise<unknown>)[] = [];
try {
  log("starting the directory, Lạng Sơn, Long An behind a garbage server, Bắc Giang as a process, and the gateway");
  const directory = await startDirectorySubgraph({ port: 0, host: "127.0.0.1" });
  stops.push(directory.stop);
  const langSon = await startProvinceSubgraph({ provinceId: "lang-son", database: { type: "sqlite", file: join(workDir, "lang-son.sqlite") }, port: 0, host: "127.0.0.1" });
  stops.push(langSon.stop);
  const longAn = await startProvinceSubgraph({ provinceId: "long-an", database: { type: "sqlite", file: join(workDir, "long-an.sqlite") }, port: 0, host: "127.0.0.1" });
  stops.push(longAn.stop);
  let garbage = 0;
  // Long An's answers, every one wrong in turn: not JSON, a Float amount of đồng, another province's id.
  const fake = await startFakeProvince({
    answer: forwardTo(longAn.url),
    misbehaviour: (answer) => {
      const entities = answer.data?._entities;
      if (!entities) return undefined;
      switch (garbage++ % 3) {
        case 0:
          return { text: "<html><body>Internal error</body></html>" };
        case 1:
          for (const entity of entities) for (const line of (entity.budgets as { amountVnd?: number }[] | undefined) ?? []) line.amountVnd = 41_612_000_000.5;
          return { json: answer };
        default:
          for (const entity of entities) entity.id = "lang-son";
          return { json: answer };
      }
    },
  });
  stops.push(fake.stop);
  const bacGiangFile = join(workDir, "bac-giang.sqlite");
  let bacGiang = await startProvinceProcess({ provinceId: "bac-giang", sqliteFile: bacGiangFile });
  stops.push(() => bacGiang.stop());
  const gateway: ServiceProcess = await startServiceProcess({
    label: "gateway",
    cwd: gatewayPackage,
    entry: "dist/main.js",
    env: {
      NODE_ENV: "production",
      DIRECTORY_URL: directory.url,
      PROVINCE_SUBGRAPHS: `lang-son=${langSon.url},long-an=${fake.url},bac-giang=${bacGiang.url}`,
      RESPONSE_CACHE: "off",
      PROVINCE_TIMEOUT_MS: "2000",
    },
    healthPath: "/health/ready",
  });
  stops.push(gateway.stop);
  const gatewayUrl = `${gateway.origin}/graphql`;
  const comparative = JSON.stringify({ query: await readComparativeQuery() });
  const baseline = await post(gatewayUrl, comparative);
  const healthyLangSon = JSON.stringify(baseline.json?.data?.provinces.find((p) => p.id === "lang-son"));
  const healthyBacGiang = JSON.stringify(baseline.json?.data?.provinces.find((p) => p.id === "bac-giang"));
  if (baseline.status !== 200 || !healthyLangSon || healthyLangSon.includes('"qmsCoverage":null')) throw new Error(`the first answer is not whole for Lạng Sơn: HTTP ${baseline.status}`);

  // Phase 1: attacks.
  for (let i = 0; i < 20; i++) await post(gatewayUrl, comparative);
  const memoryBeforeAttacks = await residentBytes(gateway.child.pid!);
  const refusals: { name: string; status: number; code: string | undefined; ms: number }[] = [];
  for (const attack of attacks()) {
    const { status, ms, json } = await post(attack.target === "gateway" ? gatewayUrl : langSon.url, attack.body);
    refusals.push({ name: attack.name, status, code: json?.errors?.[0]?.extensions?.code, ms: Math.round(ms * 10) / 10 });
    log(`  ${attack.name}: HTTP ${status} ${json?.errors?.[0]?.extensions?.code ?? ""} in ${ms.toFixed(1)} ms`);
  }
  for (let i = 0; i < 20; i++) await post(gatewayUrl, comparative);
  const memoryAfterAttacks = await residentBytes(gateway.child.pid!);

  // The heap grows to its working size under load before it can be called flat.
  const warmupEnds = performance.now() + Number(values.warmup) * 1000;
  log(`${values.warmup} s of warm-up load`);
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < warmupEnds) await post(gatewayUrl, comparative);
  }));

  // Phase 2: load, with Bắc Giang killed at a quarter and restarted at half.
  log(`${seconds} s of the comparative query from ${connections} clients; Bắc Giang killed at ${seconds / 4} s, restarted at ${seconds / 2} s`);
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const latencies: number[] = [];
  const memory: { second: number; bytes: number; heapUsedBytes: number }[] = [];
  let requests = 0;
  let non2xx = 0;
  let incomplete = 0;
  let bacGiangWhole = 0;
  let bacGiangUnavailable = 0;
  const problems = new Map<string, number>();
  const note = (problem: string) => problems.set(problem, (problems.get(problem) ?? 0) + 1);
  const client = async () => {
    while (elapsed() < seconds) {
      const answer = await post(gatewayUrl, comparative).catch((error: Error) => ({ status: 0, ms: 0, json: undefined, error }));
      requests++;
      latencies.push(answer.ms);
      if (answer.status < 200 || answer.status > 299) {
        non2xx++;
        note(`HTTP ${answer.status}`);
        continue;
      }
      const provinces = answer.json?.data?.provinces ?? [];
      const errors = answer.json?.errors ?? [];
      const langSonNow = JSON.stringify(provinces.find((p) => p.id === "lang-son"));
      const longAnErrors = errors.filter((e) => e.extensions?.province?.id === "long-an").map((e) => e.extensions?.code);
      const bacGiangNow = JSON.stringify(provinces.find((p) => p.id === "bac-giang"));
      if (langSonNow !== healthyLangSon) {
        incomplete++;
        note("Lạng Sơn not whole");
      }
      if (!longAnErrors.every((c) => c === "PROVINCE_INVALID_ANSWER" || c === "PROVINCE_UNAVAILABLE") || longAnErrors.length === 0) note(`Long An answered ${longAnErrors.join(",") || "without error"}`);
      if (bacGiangNow === healthyBacGiang) bacGiangWhole++;
      else if (errors.some((e) => e.extensions?.province?.id === "bac-giang" && e.extensions.code === "PROVINCE_UNAVAILABLE")) bacGiangUnavailable++;
      else note("Bắc Giang neither whole nor unavailable");
    }
  };
  const sampler = (async () => {
    while (elapsed() < seconds) {
      memory.push({ second: Math.round(elapsed()), bytes: await residentBytes(gateway.child.pid!), heapUsedBytes: await heapUsedBytes(gateway.origin) });
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  const chaos = (async () => {
    await new Promise((r) => setTimeout(r, (seconds / 4) * 1000));
    log(`  ${elapsed().toFixed(0)} s: Bắc Giang killed`);
    await bacGiang.kill();
    await new Promise((r) => setTimeout(r, (seconds / 4) * 1000));
    bacGiang = await startProvinceProcess({ provinceId: "bac-giang", sqliteFile: bacGiangFile, port: bacGiang.port });
    log(`  ${elapsed().toFixed(0)} s: Bắc Giang restarted`);
  })();
  await Promise.all([...Array.from({ length: connections }, client), sampler, chaos]);

  const last20 = memory.filter((m) => m.second >= seconds - 20).map((m) => m.bytes);
  const flatness = Math.max(...last20) / Math.min(...last20);
  const latency: Summary = summarize(latencies.filter((ms) => ms > 0));
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  const criteria = [
    { criterion: "every attack refused (HTTP 400, a limit's code) in under 100 ms", met: refusals.every((r) => r.status === 400 && r.code !== undefined && r.ms < 100) },
    { criterion: "the gateway's memory after the attacks within 20 % of before", measured: `${mib(memoryBeforeAttacks)} → ${mib(memoryAfterAttacks)}`, met: memoryAfterAttacks <= memoryBeforeAttacks * 1.2 },
    { criterion: "0 non-2xx answers under load", measured: `${non2xx} of ${requests}`, met: non2xx === 0 },
    { criterion: "every answer whole for the healthy province (Lạng Sơn)", measured: `${incomplete} not whole`, met: incomplete === 0 },
    { criterion: "the gateway's memory flat over the last 20 s (max ≤ 1.1 × min)", measured: `${flatness.toFixed(3)}×`, met: flatness <= 1.1 },
  ];
  const report = {
    startedAt: new Date(Date.now() - seconds * 1000).toISOString(),
    seconds,
    connections,
    refusals,
    memoryBeforeAttacks,
    memoryAfterAttacks,
    requests,
    requestsPerSecond: Math.round((requests / seconds) * 10) / 10,
    latency,
    non2xx,
    incomplete,
    bacGiang: { whole: bacGiangWhole, unavailable: bacGiangUnavailable },
    problems: Object.fromEntries(problems),
    memory,
    criteria,
  };
  const out = resolve(values.out);
  await mkdir(out, { recursive: true });
  const file = join(out, `soak-${report.startedAt.replaceAll(":", "-")}.json`);
  await Promise.all([writeFile(file, JSON.stringify(report, null, 2)), writeFile(join(out, "soak-latest.json"), JSON.stringify(report, null, 2))]);

  console.log("### Attacks\n\n| attack | HTTP | code | ms |\n|---|---|---|---|");
  for (const r of refusals) console.log(`| ${r.name} | ${r.status} | ${r.code ?? ""} | ${r.ms} |`);
  console.log(`\n### ${seconds} s of load, ${connections} clients\n`);
  console.log(`${requests} requests (${report.requestsPerSecond}/s), median ${latency.medianMs} ms, p99 ${latency.p99Ms} ms; Bắc Giang whole in ${bacGiangWhole}, unavailable in ${bacGiangUnavailable}; Long An answered garbage ${garbage} times.`);
  if (problems.size > 0) console.log(`Problems: ${[...problems].map(([p, n]) => `${p} × ${n}`).join("; ")}`);
  console.log(`Gateway memory (resident / V8 heap in use): ${memory.map((m) => `${m.second}s ${mib(m.bytes)} / ${mib(m.heapUsedBytes)}`).join(", ")}`);
  console.log("\n| criterion | measured | met |\n|---|---|---|");
  for (const c of criteria) console.log(`| ${c.criterion} | ${"measured" in c ? c.measured : ""} | ${c.met ? "yes" : "**no**"} |`);
  console.log(`\nFigures written to ${file}.`);
  process.exitCode = criteria.every((c) => c.met) ? 0 : 1;
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => {});
  await rm(workDir, { recursive: true, force: true });
}
