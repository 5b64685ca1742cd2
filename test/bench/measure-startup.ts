/**
 * `npm run measure:startup`: how long each service takes from spawn to a healthy answer, and its
 * peak memory then, run from the compiled dist/ (as production) and from the sources through tsx
 * (as `npm start`). Runs `npm run build` first. Prints a Markdown table of medians; the ratio is
 * built ÷ tsx.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startServiceProcess } from "../helpers/service-process.ts";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Number(values.runs);

type Mode = "built" | "tsx";
const entryOf = (mode: Mode) => (mode === "built" ? "dist/main.js" : "src/main.ts");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Sample {
  ms: number;
  mib: number;
}

async function startOnce(service: "directory" | "province" | "gateway", mode: Mode, workDir: string, run: number): Promise<Sample> {
  const env: Record<string, string> = { NODE_ENV: "production" };
  const started = performance.now();
  if (service === "directory" || service === "province") {
    const cwd = join(repoRoot, service === "directory" ? "subgraphs/directory" : "subgraphs/province");
    // A fresh SQLite file each run: the province's start includes loading its CSV files, as a first start does.
    if (service === "province") Object.assign(env, { PROVINCE_ID: "long-an", SQLITE_FILE: join(workDir, `${mode}-${run}.sqlite`) });
    const process = await startServiceProcess({ label: service, cwd, entry: entryOf(mode), env, healthPath: "/health" });
    const sample = { ms: performance.now() - started, mib: (await process.peakMemoryBytes()) / 2 ** 20 };
    await process.stop();
    return sample;
  }
  // The gateway's readiness needs a directory to ask; it is started first and not timed.
  const directory = await startServiceProcess({ label: "directory", cwd: join(repoRoot, "subgraphs/directory"), entry: entryOf(mode), env, healthPath: "/health" });
  try {
    const timed = performance.now();
    const gateway = await startServiceProcess({
      label: "gateway",
      cwd: join(repoRoot, "gateway"),
      entry: entryOf(mode),
      env: { ...env, DIRECTORY_URL: `${directory.origin}/graphql`, PROVINCE_SUBGRAPHS: "long-an=http://127.0.0.1:9/graphql", CONTRACT_CHECK_INTERVAL_MS: "0" },
      healthPath: "/health/ready",
    });
    const sample = { ms: performance.now() - timed, mib: (await gateway.peakMemoryBytes()) / 2 ** 20 };
    await gateway.stop();
    return sample;
  } finally {
    await directory.stop();
  }
}

execFileSync("npm", ["run", "build"], { cwd: repoRoot, stdio: "inherit" });
const workDir = await mkdtemp(join(tmpdir(), "khcn-startup-"));
try {
  console.log(`\n| service | built: start-up | tsx: start-up | ratio | built: peak memory | tsx: peak memory | ratio |`);
  console.log(`|---|---|---|---|---|---|---|`);
  for (const service of ["directory", "province", "gateway"] as const) {
    const samples: Record<Mode, Sample[]> = { built: [], tsx: [] };
    // Interleaved, so a slower moment of the machine costs both modes alike.
    for (let run = 0; run < runs; run++) for (const mode of ["built", "tsx"] as const) samples[mode].push(await startOnce(service, mode, workDir, run));
    const [b, t] = [samples.built, samples.tsx];
    const [bms, tms, bmib, tmib] = [median(b.map((s) => s.ms)), median(t.map((s) => s.ms)), median(b.map((s) => s.mib)), median(t.map((s) => s.mib))];
    console.log(`| ${service} | ${bms.toFixed(0)} ms | ${tms.toFixed(0)} ms | ${(bms / tms).toFixed(2)} | ${bmib.toFixed(0)} MiB | ${tmib.toFixed(0)} MiB | ${(bmib / tmib).toFixed(2)} |`);
  }
  console.log(`\nMedians of ${runs} interleaved starts each; the province's start includes loading Long An's files into a new SQLite database.`);
} finally {
  await rm(workDir, { recursive: true, force: true });
}
