import { loadExampleQueries, postGraphQL, type ProvinceTransport, type RunningGateway, startGateway } from "@khcn/gateway";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as dashboardQueries from "../dashboard/src/api/queries.ts";
import { type ComparativeAnswer, provinceOf, readComparativeQuery } from "./helpers/comparative-query.ts";
import { type CountingProxy, startCountingProxy } from "./helpers/counting-proxy.ts";
import { PROVINCE_IDS, type RunningSystem, startSystem } from "./helpers/start-system.ts";

// The attacks of the issue "Hostile traffic and misbehaving provinces", against the gateway in front
// of the real directory and provinces, on the engine GATEWAY_ENGINE names (Hive's runtime by default).
// A refusal must come whole, with one error, HTTP 400, before the directory or any province is asked.

interface Answer {
  status: number;
  ms: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

let system: RunningSystem;
let gateway: RunningGateway;
let directory: CountingProxy;
/** Province calls other than the response cache's data-version checks, which run on their own schedule. */
let provinceCalls = 0;
/** How long each refusal took, printed at the end for the bench's notes. */
const refusals: string[] = [];

const countingTransport: ProvinceTransport = (url, body, timeoutMs, limits) => {
  if (!body.query.includes("dataVersion")) provinceCalls += 1;
  return postGraphQL(url, body, timeoutMs, limits);
};

beforeAll(async () => {
  system = await startSystem();
  directory = await startCountingProxy(system.directoryUrl);
  gateway = await startGateway({
    config: { port: 0, directoryUrl: directory.url, provinces: PROVINCE_IDS.map((id) => ({ id, url: system.provinceUrls[id] })), provinceTimeoutMs: 3000, contractCheckIntervalMs: 0 },
    provinceTransport: countingTransport,
    host: "127.0.0.1",
  });
}, 120_000);

afterAll(async () => {
  console.log(`refusals on ${process.env.GATEWAY_ENGINE ?? "hive"}, round trip:\n${refusals.join("\n")}`);
  await gateway?.stop();
  await directory?.stop();
  await system?.stop();
});

async function send(body: string, init: { method?: string; contentType?: string; search?: string } = {}): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${gateway.url}${init.search ?? ""}`, {
    method: init.method ?? "POST",
    headers: { "content-type": init.contentType ?? "application/json", "apollo-require-preflight": "1" },
    ...(init.method === "GET" ? {} : { body }),
  });
  const text = await response.text();
  return { status: response.status, ms: performance.now() - started, body: JSON.parse(text) as Answer["body"] };
}

const post = (query: string, variables?: Record<string, unknown>) => send(JSON.stringify({ query, variables }));

/** Refused whole with one error naming the limit, fast, and nobody behind the gateway asked. */
async function expectRefused(answer: () => Promise<Answer>, code: string, limit: number) {
  const [provincesBefore, directoryBefore] = [provinceCalls, directory.requests()];
  const { status, body, ms } = await answer();
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  expect(body.errors).toEqual([{ message: expect.stringContaining(`${limit}`), extensions: { code, limit } }]);
  expect(provinceCalls - provincesBefore).toBe(0);
  expect(directory.requests() - directoryBefore).toBe(0);
  // The bar is 100 ms on this machine; the margin is for two shared cores under a test run.
  expect(ms).toBeLessThan(1000);
  refusals.push(`${Math.round(ms)} ms  ${code}  ${expect.getState().currentTestName}`);
  return ms;
}

const tasks = "tasks { id title kind status dueDate leadUnit target { quantity unit } source { section quote document { number } } }";
/** The heap in use after a full collection (gc exposed at run time, as --expose-gc would). */
function heapAfterGc(): number {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  return process.memoryUsage().heapUsed;
}

const aliased = (n: number, selection: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${selection}`).join(" ")} }`;

describe("hostile requests at the gateway", () => {
  it("shows the counters count: an honest query asks the directory and the provinces", async () => {
    const [provincesBefore, directoryBefore] = [provinceCalls, directory.requests()];
    const { status, body } = await post(await readComparativeQuery());
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(provinceCalls).toBeGreaterThan(provincesBefore);
    expect(directory.requests()).toBeGreaterThan(directoryBefore);
  });

  it("refuses 10,000 aliases of provinces { tasks { … } } (1 MB) while parsing", async () => {
    const query = aliased(10_000, `provinces { ${tasks} }`);
    expect(query.length).toBeGreaterThan(1_000_000);
    await expectRefused(() => post(query), "MAX_TOKENS_EXCEEDED", 2000);
  });

  it("refuses 1,000 aliases (99 KB)", async () => {
    const query = aliased(1_000, "provinces { tasks { id title kind status dueDate leadUnit target { quantity unit } } }");
    expect(query.length).toBeGreaterThan(90_000);
    await expectRefused(() => post(query), "MAX_TOKENS_EXCEEDED", 2000);
  });

  it("refuses 40 short aliases by the aliases limit", async () => {
    await expectRefused(() => post(aliased(40, "provinces { id }")), "MAX_ALIASES_EXCEEDED", 30);
  });

  it("refuses 25 aliases of provinces { tasks { … } } by the cost of asking every province 25 times", async () => {
    await expectRefused(() => post(aliased(25, `provinces { ${tasks} }`)), "MAX_COST_EXCEEDED", 100_000);
  });

  it("refuses fragments spreading fragments (1.5 KB, exponential once expanded)", async () => {
    // F0 → F1, G1 → F2, G2 …: 2^16 paths to the leaves once a planner expands them.
    const levels = Array.from({ length: 16 }, (_, i) => `fragment F${i} on Province { id ...F${i + 1} ...G${i + 1} } fragment G${i} on Province { name ...F${i + 1} ...G${i + 1} }`);
    const query = `{ provinces { ...F0 } } ${levels.join(" ")} fragment F16 on Province { id } fragment G16 on Province { id }`;
    expect(query.length).toBeLessThan(1600);
    await expectRefused(() => post(query), "MAX_DEPTH_EXCEEDED", 11);
  });

  it("refuses predecessors { successor { … } } 32 levels deep (625 bytes), by POST and by GET", async () => {
    const query = `{ provinces { ${"predecessors { successor { ".repeat(16)}id${" } }".repeat(16)} } }`;
    await expectRefused(() => post(query), "MAX_DEPTH_EXCEEDED", 11);
    await expectRefused(() => send("", { method: "GET", search: `?query=${encodeURIComponent(query)}` }), "MAX_DEPTH_EXCEEDED", 11);
  });

  it("refuses the same attack again: a refusal is never a cache entry", async () => {
    const query = aliased(40, "provinces { id }");
    await expectRefused(() => post(query), "MAX_ALIASES_EXCEEDED", 30);
    await expectRefused(() => post(query), "MAX_ALIASES_EXCEEDED", 30);
  });
});

describe("the gateway's memory under the attacks", () => {
  // The issue measured 1.43 GB kept after one 10,000-alias request. Refused while parsing, twenty
  // rounds of every attack leave this process (gateway, directory, provinces and the client) where it
  // was. The heap after a full collection: RSS alone swings by 100 MB here with the client's own 1 MB
  // bodies and when V8 returns pages (printed, not asserted: an RSS bound for the gateway alone belongs in `npm run bench`).
  // The heap is held to the 20 %.
  it("stays within 20 % after twenty rounds of every attack", async () => {
    const attacks = [
      aliased(10_000, `provinces { ${tasks} }`),
      aliased(1_000, `provinces { ${tasks} }`),
      aliased(25, `provinces { ${tasks} }`),
      `{ provinces { ${"predecessors { successor { ".repeat(16)}id${" } }".repeat(16)} } }`,
    ];
    await post(attacks[0]!);
    const before = heapAfterGc();
    const rssBefore = process.memoryUsage().rss;
    for (let round = 0; round < 20; round++) for (const query of attacks) expect((await post(query)).status).toBe(400);
    const after = heapAfterGc();
    console.log(`heap before ${Math.round(before / 1e6)} MB, after ${Math.round(after / 1e6)} MB; rss ${Math.round(rssBefore / 1e6)} → ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
    expect(after / before).toBeLessThan(1.2);
  });
});

describe("every legitimate query still passes", async () => {
  const examples = await loadExampleQueries();
  const queries: [string, string][] = [
    ...examples.map((e): [string, string] => [`GraphiQL's ${e.file}`, e.query]),
    ...Object.entries(dashboardQueries).map(([name, query]): [string, string] => [`the dashboard's ${name}`, query]),
  ];
  // The dashboard's national figure and the export take a measure and a year.
  const variables = { measure: "vn.khcn.qms.coverage", year: 2023 };

  it.each(queries)("%s", async (_name, query) => {
    const { status, body } = await post(query, /\$measure/.test(query) ? variables : undefined);
    expect(body.errors ?? []).toEqual([]);
    expect(status).toBe(200);
  });

  it("the comparative query, twice (the second from the cache), with every province complete", async () => {
    for (let i = 0; i < 2; i++) {
      const { body } = await post(await readComparativeQuery());
      expect(body.errors).toBeUndefined();
      for (const id of PROVINCE_IDS) expect(provinceOf(body.data as ComparativeAnswer, id).tasks).not.toBeNull();
    }
  });

  it("the CSV export of a national figure", async () => {
    const response = await fetch(new URL("/export/vn.khcn.qms.coverage.csv?year=2023", gateway.url));
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/\n/);
  });
});

describe("requests the gateway cannot read", () => {
  it("a body that is not JSON: 400 and one BAD_REQUEST, not an HTML page", async () => {
    const answer = await send('{"query": "{ provinces { id } }"');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
  });

  it("a GET whose variables are not JSON: 400 and BAD_REQUEST", async () => {
    const answer = await send("", { method: "GET", search: `?query=${encodeURIComponent("{ provinces { id } }")}&variables=${encodeURIComponent("{nope")}` });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ extensions: { code: "BAD_REQUEST" } })]);
  });

  it('"2025-13-45" for a PartialDate variable: BAD_USER_INPUT and 400, by POST and by GET, nobody behind asked', async () => {
    const query = "query($d: PartialDate) { provinces(validOn: $d) { id } }";
    const directoryBefore = directory.requests();
    for (const answer of [
      await post(query, { d: "2025-13-45" }),
      await send("", { method: "GET", search: `?query=${encodeURIComponent(query)}&variables=${encodeURIComponent('{"d":"2025-13-45"}')}` }),
    ]) {
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('"2025-13-45"'), extensions: { code: "BAD_USER_INPUT" } })]);
    }
    expect(directory.requests()).toBe(directoryBefore);
  });
});
