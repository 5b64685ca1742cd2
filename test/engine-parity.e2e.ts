import { type GatewayEngineName, loadExampleQueries, type RunningGateway, startGateway } from "@khcn/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readComparativeQuery } from "./helpers/comparative-query.ts";
import { PROVINCE_IDS, type RunningSystem, startSystem } from "./helpers/start-system.ts";

// The engine on trial (Hive Gateway's runtime with its Rust planner) beside today's, on one
// system: both must give a client the same answers and the same refusals, province down included.
const ENGINES: GatewayEngineName[] = ["apollo", "hive"];

let system: RunningSystem;
const gateways = new Map<GatewayEngineName, RunningGateway>();
let queries: [string, string][];

beforeAll(async () => {
  system = await startSystem({ processes: ["long-an"] });
  for (const engine of ENGINES) {
    const config = { port: 0, directoryUrl: system.directoryUrl, provinces: PROVINCE_IDS.map((id) => ({ id, url: system.provinceUrls[id] })), provinceTimeoutMs: 3000, contractCheckIntervalMs: 0 };
    gateways.set(engine, await startGateway({ config, host: "127.0.0.1", engine }));
  }
  queries = [
    ["the comparative query", await readComparativeQuery()],
    ...(await loadExampleQueries()).map((q): [string, string] => [q.file, q.query]),
    // Hive's Rust planner asks the province subgraph for both in one operation with two `_entities` fields.
    ["two province fetches in one step", '{ provinces { id budgets(year: 2024) { amountVnd } } province(id: "long-an") { id name tasks(year: 2024) { title } } }'],
  ];
});

afterAll(async () => {
  await Promise.all([...gateways.values()].map((g) => g.stop()));
  await system?.stop();
});

async function send(engine: GatewayEngineName, init: RequestInit & { search?: string }): Promise<{ status: number; body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }; headers: Headers }> {
  const response = await fetch(`${gateways.get(engine)!.url}${init.search ?? ""}`, init);
  return { status: response.status, body: (await response.json()) as never, headers: response.headers };
}

const post = (query: string, variables?: Record<string, unknown>) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });

async function everyAnswer(engine: GatewayEngineName) {
  const answers: Record<string, unknown> = {};
  // How old each gateway's cached figures are differs by when it was asked; the rest must not.
  const withoutFreshness = ({ extensions, ...body }: { extensions?: Record<string, unknown>; data?: unknown; errors?: unknown }) => {
    const { freshness: _f, ...rest } = extensions ?? {};
    return Object.keys(rest).length > 0 ? { ...body, extensions: rest } : body;
  };
  for (const [name, query] of queries) answers[name] = await send(engine, post(query)).then(({ status, body }) => ({ status, body: withoutFreshness(body) }));
  return answers;
}

describe("Hive Gateway's runtime (Rust planner) answers as @apollo/gateway does", () => {
  it("the comparative query, every GraphiQL example, and two province fetches in one step: the same status, data and errors", async () => {
    expect(await everyAnswer("hive")).toEqual(await everyAnswer("apollo"));
  });

  it("with Long An's process killed: the same partial answers, PROVINCE_UNAVAILABLE at the same paths", async () => {
    await system.processes["long-an"]!.kill();
    // The gateway learns of it at its next data-version check (DATA_VERSION_CHECK_MS); until then the cache may answer.
    await Promise.all([...gateways.values()].map((g) => g.refreshStatus()));
    try {
      const [apollo, hive] = [await everyAnswer("apollo"), await everyAnswer("hive")];
      const comparative = apollo["the comparative query"] as { body: { errors?: { path?: unknown[]; extensions?: { code?: string } }[] } };
      expect(comparative.body.errors).toEqual([expect.objectContaining({ path: ["provinces", expect.any(Number)], extensions: expect.objectContaining({ code: "PROVINCE_UNAVAILABLE" }) })]);
      // The reason names the port the dead process had, the same for both.
      expect(hive).toEqual(apollo);
    } finally {
      await system.restartProcess("long-an");
    }
  });

  it.each(ENGINES)("%s: a variable of the wrong type is the client's error: HTTP 400, BAD_USER_INPUT", async (engine) => {
    const { status, body } = await send(engine, post("query Budgets($year: Int) { provinces { id budgets(year: $year) { amountVnd } } }", { year: "2024" }));
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('Variable "$year" got invalid value'), extensions: { code: "BAD_USER_INPUT" } })]);
  });

  it.each(ENGINES)("%s: a syntax error and an unknown field are refused with HTTP 400 and Apollo's codes", async (engine) => {
    const syntax = await send(engine, post("{ provinces { "));
    expect([syntax.status, syntax.body.errors?.[0]?.extensions?.code]).toEqual([400, "GRAPHQL_PARSE_FAILED"]);
    const unknown = await send(engine, post("{ provinces { thisProvince } }"));
    expect([unknown.status, unknown.body.errors?.[0]?.extensions?.code]).toEqual([400, "GRAPHQL_VALIDATION_FAILED"]);
  });

  it.each(ENGINES)("%s: a query a browser could send without a preflight (GET, no header) is refused; with the header it is answered", async (engine) => {
    const refused = await send(engine, { method: "GET", search: "?query=%7B__typename%7D" });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(refused.body.data).toBeUndefined();
    const answered = await send(engine, { method: "GET", search: "?query=%7B__typename%7D", headers: { "apollo-require-preflight": "true" } });
    expect([answered.status, answered.body.data]).toEqual([200, { __typename: "Query" }]);
  });

  it.each(ENGINES)("%s: sends no CORS headers, and no stack trace in any error", async (engine) => {
    const { headers, body } = await send(engine, { ...post("{ nope }"), headers: { "content-type": "application/json", origin: "https://elsewhere.example" } });
    expect(headers.get("access-control-allow-origin")).toBeNull();
    expect(JSON.stringify(body)).not.toContain("stacktrace");
  });

  it.each(ENGINES)("%s: the project's own routes answer on the same port: GraphiQL and both health checks", async (engine) => {
    const origin = new URL(gateways.get(engine)!.url).origin;
    expect((await fetch(`${origin}/`)).headers.get("content-type")).toMatch(/^text\/html/);
    expect((await fetch(`${origin}/health/live`)).status).toBe(200);
    expect((await fetch(`${origin}/health/ready`)).status).toBe(200);
  });
});
