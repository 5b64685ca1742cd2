import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGatewayLogger, DEFAULT_RESPONSE_CACHE } from "@khcn/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ComparativeAnswer, provinceOf, readComparativeQuery } from "./helpers/comparative-query.ts";
import { type CountingProxy, startCountingProxy } from "./helpers/counting-proxy.ts";
import { type ProvinceProcess, startProvinceProcess } from "./helpers/province-process.ts";
import { type GraphQLAnswer, PROVINCE_IDS, type RunningSystem, startSystem } from "./helpers/start-system.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let workDir: string;
let longAn: ProvinceProcess;
let proxy: CountingProxy;
let directoryProxy: CountingProxy;
let system: RunningSystem;
let query: string;
// The gateway's log, as it would reach stdout: one string a line.
const logLines: string[] = [];

beforeAll(async () => {
  query = await readComparativeQuery();
  workDir = await mkdtemp(join(tmpdir(), "khcn-observability-"));
  // Long An runs as its own OS process (to be killed), behind a proxy that records what the gateway sends it.
  longAn = await startProvinceProcess({ provinceId: "long-an", sqliteFile: join(workDir, "long-an.sqlite") });
  proxy = await startCountingProxy(longAn.url);
  system = await startSystem({
    routeElsewhere: { "long-an": proxy.url },
    wrapDirectory: async (url) => (directoryProxy = await startCountingProxy(url)),
    // One failure opens the circuit, so the gauge moves on the first request after the kill.
    gateway: { provinceBreakerFailures: 1, provinceBreakerCooldownMs: 60_000 },
    gatewayLogger: createGatewayLogger({ destination: { write: (line: string) => void logLines.push(line) } }),
  });
});

afterAll(async () => {
  await system?.stop();
  await proxy?.stop();
  await longAn?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function post(body: string, headers: Record<string, string> = {}): Promise<{ response: Response; answer: GraphQLAnswer<ComparativeAnswer> }> {
  const response = await fetch(system.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { response, answer: (await response.json()) as GraphQLAnswer<ComparativeAnswer> };
}

async function scrape(): Promise<string> {
  const response = await fetch(new URL("/metrics", system.gatewayUrl));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of one sample in Prometheus' text format, e.g. `metric{a="b"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("a request's id, from the client to each province and back", () => {
  it("a client's x-request-id reaches every province call and the directory, and comes back in the answer", async () => {
    const { response, answer } = await post(JSON.stringify({ query }), { "x-request-id": "abc-123" });
    expect(answer.errors).toBeUndefined();
    expect(response.headers.get("x-request-id")).toBe("abc-123");
    // Long An was asked on behalf of that request, and said so in its header.
    expect(proxy.entityRequestIds().length).toBeGreaterThan(0);
    expect(new Set(proxy.entityRequestIds())).toEqual(new Set(["abc-123"]));
    // The directory too; its calls before (the status monitor's, at start) served no request and carry none.
    expect(directoryProxy.requestIds()).toContain("abc-123");
    expect(directoryProxy.requestIds()[0]).toBeUndefined();
  });

  it("a request without an id, or with one unfit for a log line, gets a new one, which its province calls carry", async () => {
    const asked = proxy.entityRequestIds().length;
    // Another body than the first request's, so that the response cache does not answer it.
    const { response } = await post(JSON.stringify({ query: `${query}\n` }), { "x-request-id": 'bad id "with" quotes' });
    const id = response.headers.get("x-request-id") ?? "";
    expect(id).toMatch(UUID);
    expect(proxy.entityRequestIds().slice(asked)).toEqual([id]);
  });

  it("the gateway's log is JSON lines with level, time and message, and the request's id on the lines written for it", () => {
    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const entry of entries) {
      expect(entry).toMatchObject({ level: expect.any(String), time: expect.any(String), msg: expect.any(String), service: "gateway" });
      expect(Number.isNaN(Date.parse(entry.time as string))).toBe(false);
    }
    expect(entries).toContainEqual(expect.objectContaining({ level: "info", msg: "graphql request answered", requestId: "abc-123", status: 200, method: "POST", path: "/graphql" }));
  });
});

describe("without the response cache", () => {
  it("the engine's own path carries the id to the provinces too", async () => {
    await using direct = await startSystem({ routeElsewhere: { "long-an": proxy.url }, gateway: { responseCache: { ...DEFAULT_RESPONSE_CACHE, kind: "off" } } });
    const asked = proxy.entityRequestIds().length;
    const response = await fetch(direct.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", "x-request-id": "no-cache-1" }, body: JSON.stringify({ query }) });
    expect(((await response.json()) as GraphQLAnswer<ComparativeAnswer>).errors).toBeUndefined();
    expect(response.headers.get("x-request-id")).toBe("no-cache-1");
    expect(proxy.entityRequestIds().slice(asked)).toEqual(["no-cache-1"]);
  });
});

describe("/metrics", () => {
  it("shows each province's calls, every circuit, the cache's hits and the process", async () => {
    await post(JSON.stringify({ query }), { "x-request-id": "abc-124" }); // the first request's body again: from the cache
    const text = await scrape();
    for (const id of PROVINCE_IDS) expect(sample(text, `khcn_gateway_province_request_duration_seconds_count{province="${id}",outcome="ok"}`), id).toBeGreaterThanOrEqual(2);
    for (const id of PROVINCE_IDS) expect(sample(text, `khcn_gateway_province_circuit_state{province="${id}"}`), id).toBe(0);
    expect(sample(text, 'khcn_gateway_response_cache_requests_total{outcome="hit"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'khcn_gateway_graphql_requests_total{status="200"}')).toBeGreaterThanOrEqual(3);
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toContain("nodejs_eventloop_lag_seconds");
  });

  it("Long An is killed: its failed call, its open circuit and the PROVINCE_UNAVAILABLE errors show", async () => {
    await longAn.kill();
    const { response, answer } = await post(JSON.stringify({ query: `${query}\n\n` }), { "x-request-id": "abc-125" });
    expect(response.headers.get("x-request-id")).toBe("abc-125");
    expect(provinceOf(answer.data, "lang-son").tasks?.length).toBeGreaterThan(0);
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(["PROVINCE_UNAVAILABLE"]);

    const text = await scrape();
    expect(sample(text, 'khcn_gateway_province_request_duration_seconds_count{province="long-an",outcome="unreachable"}')).toBe(1);
    expect(sample(text, 'khcn_gateway_province_circuit_state{province="long-an"}')).toBe(2);
    expect(sample(text, 'khcn_gateway_province_circuit_state{province="lang-son"}')).toBe(0);
    expect(sample(text, 'khcn_gateway_graphql_errors_total{code="PROVINCE_UNAVAILABLE"}')).toBe(1);

    // The circuit's change is logged once, on the line of the request that opened it.
    const opened = logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((e) => String(e.msg).includes("long-an") && String(e.msg).includes("circuit open"));
    expect(opened).toEqual([expect.objectContaining({ level: "warn", requestId: "abc-125" })]);
    expect(logLines.map((line) => JSON.parse(line) as Record<string, unknown>)).toContainEqual(expect.objectContaining({ requestId: "abc-125", status: 200, errors: ["PROVINCE_UNAVAILABLE"] }));
  });
});
