import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { GraphQLExchange, ProvinceTransport } from "../province-router/index.ts";
import type { ProvinceCircuit } from "../resilience/create-province-breakers.ts";

/** How a province call ended, as the latency histogram labels it. */
export type ProvinceCallOutcome = "ok" | "invalid" | "timeout" | "unreachable" | "http_error" | "circuit_open";

/** What the response cache did with a request. */
export type CacheOutcome = "hit" | "miss" | "bypass";

/** A circuit's state as the gauge reports it: 0 closed, 1 half-open, 2 open. */
export const CIRCUIT_STATE_VALUES: Record<ProvinceCircuit["state"], number> = { closed: 0, "half-open": 1, open: 2 };

export interface GatewayMetricsOptions {
  /** Each routed province with its circuit, read at every scrape (the circuit breakers' own state, live). */
  circuits?: () => Iterable<{ province: string; circuit: ProvinceCircuit }>;
  /** prom-client's process and Node.js metrics (CPU, memory, event loop lag, GC); on by default. */
  defaultMetrics?: boolean;
}

export interface GatewayMetrics {
  /** The gateway's own registry (never prom-client's global one). */
  registry: Registry;
  /** `transport` timed: each call observed in the province histogram, by province and outcome. */
  instrument(transport: ProvinceTransport, provinceOf: (url: string) => string): ProvinceTransport;
  observeProvinceCall(province: string, outcome: ProvinceCallOutcome, seconds: number): void;
  /** One GraphQL request answered, by HTTP status. */
  countRequest(status: number): void;
  /** The errors of one answer, by `extensions.code`. */
  countErrors(codes: readonly string[]): void;
  countCacheOutcome(outcome: CacheOutcome): void;
}

/** The outcome of one exchange, from its failure's reason (post-graphql.ts and the breakers write them). */
export function classifyExchange(exchange: GraphQLExchange): ProvinceCallOutcome {
  if (exchange.ok) return "ok";
  if (exchange.invalid) return "invalid";
  if (exchange.reason.startsWith("circuit open")) return "circuit_open";
  if (exchange.reason.startsWith("no answer within")) return "timeout";
  if (/^HTTP \d/.test(exchange.reason)) return "http_error";
  return "unreachable";
}

/**
 * The gateway's Prometheus metrics in a registry of their own:
 * - `khcn_gateway_province_request_duration_seconds{province,outcome}` (histogram): each call of the router to a province;
 * - `khcn_gateway_province_circuit_state{province}` (gauge): 0 closed, 1 half-open, 2 open;
 * - `khcn_gateway_graphql_requests_total{status}` and `khcn_gateway_graphql_errors_total{code}`: answers to clients;
 * - `khcn_gateway_response_cache_requests_total{outcome}`: hit, miss, bypass;
 * - prom-client's default process metrics (`process_*`, `nodejs_*`).
 */
export function createGatewayMetrics({ circuits, defaultMetrics = true }: GatewayMetricsOptions = {}): GatewayMetrics {
  const registry = new Registry();
  if (defaultMetrics) collectDefaultMetrics({ register: registry });
  const provinceCalls = new Histogram({
    name: "khcn_gateway_province_request_duration_seconds",
    help: "Time of each call of the province router to a province, by province and outcome (ok, invalid, timeout, unreachable, http_error, circuit_open).",
    labelNames: ["province", "outcome"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: "khcn_gateway_province_circuit_state",
    help: "Each province's circuit breaker: 0 closed, 1 half-open, 2 open.",
    labelNames: ["province"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const { province, circuit } of circuits?.() ?? []) this.set({ province }, CIRCUIT_STATE_VALUES[circuit.state]);
    },
  });
  const requests = new Counter({ name: "khcn_gateway_graphql_requests_total", help: "GraphQL requests answered, by HTTP status.", labelNames: ["status"] as const, registers: [registry] });
  const errors = new Counter({ name: "khcn_gateway_graphql_errors_total", help: "GraphQL errors answered to clients, by extensions.code (NONE: without a code).", labelNames: ["code"] as const, registers: [registry] });
  const cache = new Counter({ name: "khcn_gateway_response_cache_requests_total", help: "Requests the response cache saw: hit (answered from it), miss (executed), bypass (not cacheable now: a data version unknown).", labelNames: ["outcome"] as const, registers: [registry] });

  const observeProvinceCall: GatewayMetrics["observeProvinceCall"] = (province, outcome, seconds) => provinceCalls.observe({ province, outcome }, seconds);
  return {
    registry,
    instrument: (transport, provinceOf) => async (url, body, timeoutMs, options) => {
      const started = performance.now();
      let exchange: GraphQLExchange;
      try {
        exchange = await transport(url, body, timeoutMs, options);
      } catch (error) {
        observeProvinceCall(provinceOf(url), "unreachable", (performance.now() - started) / 1000);
        throw error;
      }
      observeProvinceCall(provinceOf(url), classifyExchange(exchange), (performance.now() - started) / 1000);
      return exchange;
    },
    observeProvinceCall,
    countRequest: (status) => requests.inc({ status: String(status) }),
    countErrors: (codes) => {
      for (const code of codes) errors.inc({ code });
    },
    countCacheOutcome: (outcome) => cache.inc({ outcome }),
  };
}
