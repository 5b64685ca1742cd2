/**
 * `npm run measure:dashboard`: the comparison page's bundle size and its first render over loopback.
 *
 * 1. Builds the bundle (vite) and sums dashboard/dist by kind: JavaScript, CSS, fonts, HTML; raw
 *    bytes and gzip (level 6, what a compressing proxy would send; the gateway itself sends them raw).
 * 2. Starts the whole system (directory, the three provinces, the gateway, all on loopback) and
 *    opens /dashboard/ in headless Chromium, `--runs` times (5) each with an empty cache and once
 *    more with a warm one, after one unmeasured load that warms the gateway's query plans. A
 *    first render is navigation start (performance.timeOrigin) to the moment the chart's SVG is in
 *    the document, seen by a MutationObserver installed before the page's own scripts.
 * Prints Markdown tables and the median of each figure, with where the time went: the scripts
 * (navigation start to DOMContentLoaded) and the two GraphQL answers the chart waits for.
 */
// The provinces run in this process (TypeORM's decorators read their metadata).
import "reflect-metadata";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext } from "playwright-core";
import { launchChromium } from "../helpers/launch-chromium.ts";
import { startSystem } from "../helpers/start-system.ts";

// The functions given to the page run there; this file is typed for Node (no DOM library), so the
// browser globals they use are declared here, for this file only.
declare const window: { __chartAt?: number };
declare const document: { querySelector(selector: string): unknown };
declare class MutationObserver {
  constructor(callback: () => void);
  observe(target: unknown, options: { subtree: boolean; childList: boolean }): void;
  disconnect(): void;
}

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const dist = join(repoRoot, "dashboard", "dist");
const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Number(values.runs);

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

function kindOf(file: string): string {
  const ext = extname(file);
  if (ext === ".js") return "JavaScript";
  if (ext === ".css") return "CSS";
  if (ext === ".woff2") return "fonts (woff2)";
  if (ext === ".woff") return "fonts (woff, for browsers without woff2)";
  if (ext === ".html") return "HTML";
  return "other";
}

function bundleSizes(): { kind: string; files: number; raw: number; gzip: number }[] {
  const byKind = new Map<string, { files: number; raw: number; gzip: number }>();
  for (const file of filesUnder(dist)) {
    const bytes = readFileSync(file);
    const entry = byKind.get(kindOf(file)) ?? { files: 0, raw: 0, gzip: 0 };
    entry.files += 1;
    entry.raw += bytes.length;
    entry.gzip += gzipSync(bytes, { level: 6 }).length;
    byKind.set(kindOf(file), entry);
  }
  return [...byKind].map(([kind, sizes]) => ({ kind, ...sizes })).sort((a, b) => b.raw - a.raw);
}

interface Load {
  chartMs: number;
  /** Navigation start to DOMContentLoaded: the bundle fetched and its module run. */
  scriptsMs: number;
  /** From the first GraphQL request to the later of the two answers the chart waits for (catalogue, nationalFigure). */
  graphqlMs: number;
  /** What the page fetched from /dashboard/ (its own files), bytes as sent. */
  bundleBytes: number;
  graphqlRequests: number;
}

async function loadOnce(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  let bundleBytes = 0;
  let graphqlRequests = 0;
  const sized: Promise<void>[] = [];
  page.on("requestfinished", (request) => {
    const path = new URL(request.url()).pathname;
    if (path === "/graphql") graphqlRequests += 1;
    // A response from the browser's cache has no body size (-1): nothing crossed the network.
    if (path.startsWith("/dashboard/")) sized.push(request.sizes().then((sizes) => void (bundleBytes += Math.max(0, sizes.responseBodySize)), () => {}));
  });
  await page.goto(url);
  const chartMs = await page.waitForFunction(() => window.__chartAt, undefined, { timeout: 30_000 }).then((handle) => handle.jsonValue() as Promise<number>);
  await page.waitForLoadState("networkidle");
  await Promise.all(sized);
  const timings = JSON.parse(
    (await page.evaluate(`JSON.stringify({
      dcl: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
      graphql: performance.getEntriesByType("resource").filter((e) => new URL(e.name).pathname === "/graphql").map((e) => [e.startTime, e.responseEnd]),
    })`)) as string,
  ) as { dcl: number; graphql: [number, number][] };
  // The first two requests are the catalogue and the figure, asked together; the views below the fold ask after.
  const firstTwo = timings.graphql.sort((a, b) => a[0] - b[0]).slice(0, 2);
  const graphqlMs = Math.max(...firstTwo.map(([, end]) => end)) - Math.min(...firstTwo.map(([start]) => start));
  await page.close();
  return { chartMs, scriptsMs: timings.dcl, graphqlMs, bundleBytes, graphqlRequests };
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector("[data-testid=unit-chart] svg")) {
        window.__chartAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true });
  });
  return context;
}

execFileSync("npm", ["run", "build", "-w", "@khcn/dashboard"], { cwd: repoRoot, stdio: ["ignore", "ignore", "inherit"] });
const sizes = bundleSizes();
const shipped = sizes.filter((s) => !s.kind.startsWith("fonts (woff,"));

const system = await startSystem();
const browser = await launchChromium();
try {
  const url = new URL("/dashboard/", system.gatewayUrl).href;
  // Unmeasured: the gateway plans each query once, and the provinces open their databases.
  await loadOnce(await newContext(browser), url);

  const cold: Load[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await newContext(browser);
    cold.push(await loadOnce(context, url));
    await context.close();
  }
  const warmContext = await newContext(browser);
  await loadOnce(warmContext, url);
  const warm: Load[] = [];
  for (let i = 0; i < runs; i++) warm.push(await loadOnce(warmContext, url));
  await warmContext.close();

  const cpu = cpus();
  console.log(`\nMachine: ${cpu.length} × ${cpu[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 2 ** 20)} MiB, Node ${process.version}, Chromium ${browser.version()}; ${new Date().toISOString()}\n`);
  console.log("| bundle (dashboard/dist) | files | raw | gzip |\n|---|---|---|---|");
  for (const s of sizes) console.log(`| ${s.kind} | ${s.files} | ${kib(s.raw)} | ${kib(s.gzip)} |`);
  const total = (list: typeof sizes) => list.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });
  const all = total(sizes);
  const modern = total(shipped);
  console.log(`| **total, what a browser with woff2 can fetch** | | **${kib(modern.raw)}** | **${kib(modern.gzip)}** |`);
  console.log(`| total on disk | | ${kib(all.raw)} | ${kib(all.gzip)} |`);

  console.log(
    `\n| first render over loopback (navigation start → chart in the document), ${runs} runs | median | min | max | of which: scripts run (DOMContentLoaded), median | the chart's two GraphQL answers, median | bytes fetched from /dashboard/ | GraphQL requests |\n|---|---|---|---|---|---|---|---|`,
  );
  for (const [label, loads] of [
    ["empty cache", cold],
    ["warm cache (reload)", warm],
  ] as const) {
    const ms = loads.map((l) => l.chartMs);
    console.log(
      `| ${label} | ${median(ms).toFixed(0)} ms | ${Math.min(...ms).toFixed(0)} ms | ${Math.max(...ms).toFixed(0)} ms | ${median(loads.map((l) => l.scriptsMs)).toFixed(0)} ms | ${median(loads.map((l) => l.graphqlMs)).toFixed(0)} ms | ${kib(median(loads.map((l) => l.bundleBytes)))} | ${median(loads.map((l) => l.graphqlRequests))} |`,
    );
  }
} finally {
  await browser.close();
  await system.stop();
}
