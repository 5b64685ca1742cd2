#!/usr/bin/env node
// The comparative query's latency through the gateway, against the same figures asked of one
// province subgraph directly. Run `npm start` first, then, in another terminal:
//   node scripts/measure-latency.mjs [--requests 300] [--gateway URL] [--province URL]
// Requests are sent one at a time (no queueing), after a warm-up; each answer is checked for errors.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "300" },
    warmup: { type: "string", default: "30" },
    gateway: { type: "string", default: "http://127.0.0.1:4000/graphql" },
    province: { type: "string", default: "http://127.0.0.1:4102/graphql" },
  },
});
const requests = Number(values.requests);
const warmup = Number(values.warmup);

const comparative = await readFile(new URL("../gateway/src/graphiql/examples/1-comparative-dashboard.graphql", import.meta.url), "utf8");
// The province's share of the comparative query, on its own endpoint (thisProvince exists only there).
const provinceOnly = `{
  thisProvince {
    id
    qmsCoverage(year: 2023) { year tier applying total ratio source { document { number } quote } }
    budgets(year: 2024) { year phase fundingSource amountVnd }
    tasks(year: 2024) { kind title leadUnit dueDate target { quantity unit } }
    indicators { name value numerator denominator target unit year }
    documents { number title issuedOn }
  }
}`;

async function ask(url, query) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const body = await response.json();
  if (!response.ok || body.errors) throw new Error(`${url}: HTTP ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  return body;
}

async function measure(label, url, query) {
  for (let i = 0; i < warmup; i++) await ask(url, query);
  const times = [];
  let bytes = 0;
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    bytes = JSON.stringify(await ask(url, query)).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
  console.log(`${label.padEnd(34)} median ${at(0.5).padStart(7)} ms   p90 ${at(0.9).padStart(7)} ms   p99 ${at(0.99).padStart(7)} ms   (${requests} requests, ${bytes} bytes each)`);
}

try {
  await measure("gateway, comparative query", values.gateway, comparative);
  await measure("one province directly (its share)", values.province, provinceOnly);
} catch (error) {
  console.error(`measure-latency: ${error.message}\nIs the system running (npm start)?`);
  process.exit(1);
}
