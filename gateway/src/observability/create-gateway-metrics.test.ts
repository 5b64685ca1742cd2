import { describe, expect, it } from "vitest";
import type { GraphQLExchange, ProvinceTransport } from "../province-router/index.ts";
import { createProvinceBreakers } from "../resilience/create-province-breakers.ts";
import { classifyExchange, createGatewayMetrics } from "./create-gateway-metrics.ts";

const LONG_AN = "http://long-an/graphql";
const LẠNG_SƠN = "http://lang-son/graphql";
const provinceOf = (url: string) => (url === LONG_AN ? "long-an" : "lang-son");
const body = { query: "{ _entities { __typename } }" };
const answered: GraphQLExchange = { ok: true, data: { _entities: [] }, errors: [] };
const refused: GraphQLExchange = { ok: false, reason: "unreachable: connect ECONNREFUSED" };

async function valuesOf(metrics: ReturnType<typeof createGatewayMetrics>, name: string) {
  const metric = await metrics.registry.getSingleMetric(name)!.get();
  return metric.values;
}

describe("the gateway's metrics", () => {
  it("a province call is observed in the histogram with its province and its outcome", async () => {
    const metrics = createGatewayMetrics({ defaultMetrics: false });
    const transport = metrics.instrument(async (url) => (url === LONG_AN ? refused : answered), provinceOf);
    await transport(LẠNG_SƠN, body, 1000);
    await transport(LẠNG_SƠN, body, 1000);
    await transport(LONG_AN, body, 1000);
    const counts = (await valuesOf(metrics, "khcn_gateway_province_request_duration_seconds")).filter((v) => (v as { metricName?: string }).metricName?.endsWith("_count"));
    expect(counts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ labels: { province: "lang-son", outcome: "ok" }, value: 2 }),
        expect.objectContaining({ labels: { province: "long-an", outcome: "unreachable" }, value: 1 }),
      ]),
    );
  });

  it("Long An's circuit opens: the gauge goes from 0 (closed) to 2 (open), Lạng Sơn's stays 0", async () => {
    const breakers = createProvinceBreakers({ failures: 1, cooldownMs: 60_000 });
    const routes = [
      { id: "lang-son", url: LẠNG_SƠN },
      { id: "long-an", url: LONG_AN },
    ];
    const metrics = createGatewayMetrics({ defaultMetrics: false, circuits: () => routes.map(({ id, url }) => ({ province: id, circuit: breakers.circuitOf(url) })) });
    const fake: ProvinceTransport = async (url) => (url === LONG_AN ? refused : answered);
    const transport = metrics.instrument(breakers.wrap(fake), provinceOf);
    const gauge = async () => Object.fromEntries((await valuesOf(metrics, "khcn_gateway_province_circuit_state")).map((v) => [v.labels.province, v.value]));

    expect(await gauge()).toEqual({ "lang-son": 0, "long-an": 0 });
    await transport(LONG_AN, body, 1000);
    expect(await gauge()).toEqual({ "lang-son": 0, "long-an": 2 });
    // Answered by the open circuit, without asking Long An: counted apart from real calls.
    expect((await transport(LONG_AN, body, 1000)).ok).toBe(false);
    const counts = (await valuesOf(metrics, "khcn_gateway_province_request_duration_seconds")).filter((v) => (v as { metricName?: string }).metricName?.endsWith("_count") && v.labels.province === "long-an");
    expect(counts.map((v) => [v.labels.outcome, v.value])).toEqual(expect.arrayContaining([["unreachable", 1], ["circuit_open", 1]]));
  });

  it("counts requests by status, errors by code and the cache's outcomes, and renders them for Prometheus with the process metrics", async () => {
    const metrics = createGatewayMetrics();
    metrics.countRequest(200);
    metrics.countErrors(["PROVINCE_UNAVAILABLE", "PROVINCE_UNAVAILABLE", "NONE"]);
    metrics.countCacheOutcome("hit");
    metrics.countCacheOutcome("miss");
    const text = await metrics.registry.metrics();
    expect(text).toContain('khcn_gateway_graphql_requests_total{status="200"} 1');
    expect(text).toContain('khcn_gateway_graphql_errors_total{code="PROVINCE_UNAVAILABLE"} 2');
    expect(text).toContain('khcn_gateway_graphql_errors_total{code="NONE"} 1');
    expect(text).toContain('khcn_gateway_response_cache_requests_total{outcome="hit"} 1');
    expect(text).toContain("process_resident_memory_bytes");
  });

  it("names each exchange's outcome from its failure", () => {
    expect(classifyExchange(answered)).toBe("ok");
    expect(classifyExchange(refused)).toBe("unreachable");
    expect(classifyExchange({ ok: false, reason: "no answer within 3000 ms" })).toBe("timeout");
    expect(classifyExchange({ ok: false, reason: "HTTP 503" })).toBe("http_error");
    expect(classifyExchange({ ok: false, reason: "circuit open, retrying in 4 s" })).toBe("circuit_open");
    expect(classifyExchange({ ok: false, reason: "the answer is not GraphQL JSON", invalid: true })).toBe("invalid");
  });
});
