// `npm run measure`: the comparative query's latency through a running gateway (`npm start`),
// against the same figures asked of one province subgraph directly, on the real provinces.
// Options: --requests 300 --gateway URL --province URL. One request at a time, after a warm-up.
import { parseArgs } from "node:util";
import { loadExampleQueries } from "@khcn/gateway";
import { measureLatency } from "./measure-latency.ts";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "300" },
    gateway: { type: "string", default: "http://127.0.0.1:4000/graphql" },
    province: { type: "string", default: "http://127.0.0.1:4102/graphql" },
  },
});
const requests = Number(values.requests);
if (!Number.isInteger(requests) || requests < 1) throw new Error(`--requests takes a whole number, got "${values.requests}"`);

const comparative = (await loadExampleQueries()).find((e) => e.file === "1-comparative-dashboard.graphql")?.query;
if (!comparative) throw new Error("the comparative example query is missing");
// The province's share of the comparative query, on its own endpoint (thisProvince exists only there).
const provinceShare = `{
  thisProvince {
    id
    qmsCoverage(year: 2023) { year tier applying total ratio source { document { number } quote } }
    budgets(year: 2024) { year phase fundingSource amountVnd }
    tasks(year: 2024) { kind title leadUnit dueDate target { quantity unit } }
    indicators { name value numerator denominator target unit year }
    documents { number title issuedOn }
  }
}`;

try {
  for (const [label, url, query] of [
    ["gateway, comparative query", values.gateway, comparative],
    ["one province directly (its share)", values.province, provinceShare],
  ] as const) {
    const { medianMs, p99Ms, samples } = await measureLatency({ url, query, amount: requests, warmup: 30 });
    console.log(`${label.padEnd(34)} median ${medianMs.toFixed(2).padStart(7)} ms   p99 ${p99Ms.toFixed(2).padStart(7)} ms   (${samples} requests)`);
  }
} catch (error) {
  console.error(`measure: ${(error as Error).message}\nIs the system running (npm start)?`);
  process.exit(1);
}
