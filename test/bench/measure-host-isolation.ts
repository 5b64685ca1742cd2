/**
 * How much a heavy province slows its neighbour in the multi-province host: Lạng Sơn's trivial
 * query timed one at a time, first with the host idle, then while `--parallel` clients keep asking
 * the 8,000-task synthetic province for `--aliases` pages of 1,000 tasks with funding and sources.
 *
 *   node --conditions=@khcn/source --import tsx test/bench/measure-host-isolation.ts [--workers 2] [--requests 40] [--parallel 3] [--aliases 3] [--dir /tmp/khcn-heavy]
 *
 * `--workers` is the host's HOST_WORKERS. The folder keeps the generated files and databases, so a
 * second run starts at once. With `--fleet 63` it measures instead the host's start with that many
 * synthetic provinces of 100 tasks (databases prepared beforehand) and the memory of its processes.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ask, heavyProvinceId, heavyQuery, prepareHeavyHostData, trivialQuery } from "../helpers/heavy-province.ts";
import { startServiceProcess } from "../helpers/service-process.ts";
import { directProvinceQuery, representationsOf } from "./bench-queries.ts";
import { prepareSyntheticFleet } from "./prepare-synthetic-fleet.ts";

const { values } = parseArgs({
  options: {
    workers: { type: "string", default: "2" },
    requests: { type: "string", default: "40" },
    parallel: { type: "string", default: "3" },
    aliases: { type: "string", default: "3" },
    tasks: { type: "string", default: "8000" },
    dir: { type: "string", default: join(tmpdir(), "khcn-heavy-province") },
    fleet: { type: "string" },
  },
});
const requests = Number(values.requests);
const parallel = Number(values.parallel);
const aliases = Number(values.aliases);

const summarize = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
};
const round = (n: number) => Math.round(n * 10) / 10;

/** Resident memory of a process and all its descendants (the old host's cluster workers were processes). */
async function treeMemoryMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  let kib = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0);
  const children = await readFile(`/proc/${pid}/task/${pid}/children`, "utf8").catch(() => "");
  for (const child of children.split(" ").filter(Boolean)) kib += (await treeMemoryMiB(Number(child))) * 1024;
  return kib / 1024;
}

if (values.fleet) {
  const fleet = await prepareSyntheticFleet(values.dir, Number(values.fleet), 100);
  const started = performance.now();
  const host = await startServiceProcess({
    label: "province host",
    cwd: fileURLToPath(new URL("../../subgraphs/province/", import.meta.url)),
    entry: "src/host/main.ts",
    env: { NODE_ENV: "production", HOSTED_PROVINCES: fleet.ids.join(","), HOST_SQLITE_DIR: join(values.dir, "tasks-100", "db"), HOST_WORKERS: values.workers! },
    healthPath: "/health",
    timeoutMs: 300_000,
  });
  const startMs = performance.now() - started;
  // The router's fan-out: every province asked the benchmark's province query at once, as the gateway does.
  const fanOut = async () => {
    const t0 = performance.now();
    await Promise.all(
      fleet.ids.map(async (id) => {
        const response = await fetch(`${host.origin}/provinces/${id}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: directProvinceQuery, variables: representationsOf(id) }),
        });
        const body = (await response.json()) as { data?: { _entities: unknown[] } };
        if (!body.data?._entities[0]) throw new Error(`${id} answered ${JSON.stringify(body).slice(0, 200)}`);
      }),
    );
    return performance.now() - t0;
  };
  for (let round = 0; round < 5; round++) await fanOut();
  const rounds: number[] = [];
  for (let round = 0; round < requests; round++) rounds.push(await fanOut());
  const memory = await treeMemoryMiB(host.child.pid!);
  const fan = summarize(rounds);
  console.log(
    `HOST_WORKERS=${values.workers}, ${fleet.ids.length} provinces: ready ${Math.round(startMs)} ms after spawn; resident memory of the host's processes ${Math.round(memory)} MiB; ` +
      `every province asked at once: median ${round(fan.median)} ms, p95 ${round(fan.p95)} ms over ${rounds.length} rounds`,
  );
  await host.stop();
  process.exit(0);
}

const { dataRoot, sqliteDir } = await prepareHeavyHostData(values.dir, Number(values.tasks));
const started = performance.now();
const host = await startServiceProcess({
  label: "province host",
  cwd: fileURLToPath(new URL("../../subgraphs/province/", import.meta.url)),
  entry: "src/host/main.ts",
  env: { NODE_ENV: "production", HOSTED_PROVINCES: `lang-son,${heavyProvinceId}`, HOST_DATA_ROOT: dataRoot, HOST_SQLITE_DIR: sqliteDir, HOST_WORKERS: values.workers! },
  healthPath: "/health",
  timeoutMs: 300_000,
});
const startMs = performance.now() - started;
try {
  const langSon = `${host.origin}/provinces/lang-son/graphql`;
  const heavy = `${host.origin}/provinces/${heavyProvinceId}/graphql`;
  const timeTrivial = async () => {
    const t0 = performance.now();
    const answer = await ask(langSon, trivialQuery);
    if (answer.body.data?.thisProvince?.id !== "lang-son") throw new Error(`Lạng Sơn answered ${JSON.stringify(answer.body)}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < 10; i++) await timeTrivial();
  const idle: number[] = [];
  for (let i = 0; i < requests; i++) idle.push(await timeTrivial());

  const heavyMs: number[] = [];
  let loading = true;
  const heavyLoop = async () => {
    while (loading) {
      const t0 = performance.now();
      const answer = await ask(heavy, heavyQuery(aliases));
      const tasks = answer.body.data?.thisProvince?.p0;
      if (!Array.isArray(tasks) || tasks.length !== 1000) throw new Error(`the heavy province answered ${JSON.stringify(answer.body).slice(0, 300)}`);
      heavyMs.push(performance.now() - t0);
    }
  };
  const loops = Array.from({ length: parallel }, heavyLoop);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const loaded: number[] = [];
  for (let i = 0; i < requests; i++) {
    loaded.push(await timeTrivial());
    // Spread the questions over the heavy requests' lifetimes rather than asking in lockstep with them.
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
  }
  loading = false;
  await Promise.all(loops);

  const report = {
    workers: Number(values.workers),
    startMs: Math.round(startMs),
    peakMemoryMiB: Math.round((await host.peakMemoryBytes()) / 2 ** 20),
    trivialIdle: summarize(idle),
    trivialLoaded: summarize(loaded),
    heavy: { ...summarize(heavyMs), count: heavyMs.length },
  };
  console.log(JSON.stringify(report));
  console.log(
    `HOST_WORKERS=${report.workers}: Lạng Sơn trivial query idle median ${round(report.trivialIdle.median)} ms (p95 ${round(report.trivialIdle.p95)}, max ${round(report.trivialIdle.max)}); ` +
      `beside ${parallel}×${aliases}×1000 tasks median ${round(report.trivialLoaded.median)} ms (p95 ${round(report.trivialLoaded.p95)}, max ${round(report.trivialLoaded.max)}); ` +
      `heavy request median ${round(report.heavy.median)} ms over ${report.heavy.count}; host start ${report.startMs} ms, peak ${report.peakMemoryMiB} MiB (primary process)`,
  );
} finally {
  await host.stop();
}
