import type { GraphQLFormattedError } from "graphql";
import { createGatewayServer, postGraphQL, type ProvinceSubgraph, type ProvinceTransport } from "@khcn/gateway";
import { comparativeQuery } from "./bench-queries.ts";
import { type Summary, summarize } from "./summarize.ts";

export interface GatewayCostOptions {
  directoryUrl: string;
  provinces: ProvinceSubgraph[];
  requests: number;
  warmup: number;
}

export interface GatewayCost {
  /** Provinces answer in-process with their recorded answers: the time is the gateway's own work (and the directory's round trip). */
  inProcess: Summary;
  /** Provinces over HTTP: the whole request, the slowest province of each request, and what the gateway added over it. */
  overHttp: { total: Summary; slowestProvince: Summary; addedOverSlowest: Summary };
}

/**
 * Records each province's real answer once, then hands out a fresh parse of it on every request:
 * the router, the merge and @apollo/gateway do all their work, the provinces none.
 */
function createReplayTransport(): ProvinceTransport {
  const recorded = new Map<string, string>();
  return async (url, body, timeoutMs) => {
    const key = `${url}\n${body.query}\n${JSON.stringify(body.variables)}`;
    let text = recorded.get(key);
    if (text === undefined) {
      const exchange = await postGraphQL(url, body, timeoutMs);
      if (!exchange.ok) return exchange;
      text = JSON.stringify({ data: exchange.data, errors: exchange.errors });
      recorded.set(key, text);
    }
    const { data, errors } = JSON.parse(text) as { data: Record<string, unknown> | null; errors: GraphQLFormattedError[] };
    return { ok: true, data, errors };
  };
}

/** Times every province exchange, so each request knows how long its slowest province took. */
function createTimingTransport(): { transport: ProvinceTransport; takeSlowest(): number } {
  let slowest = 0;
  return {
    transport: async (url, body, timeoutMs) => {
      const started = performance.now();
      try {
        return await postGraphQL(url, body, timeoutMs);
      } finally {
        slowest = Math.max(slowest, performance.now() - started);
      }
    },
    takeSlowest: () => {
      const value = slowest;
      slowest = 0;
      return value;
    },
  };
}

async function runInProcessGateway(
  options: GatewayCostOptions,
  transport: ProvinceTransport,
  hooks: { beforeEach?: () => void; afterEach: (totalMs: number) => void },
): Promise<void> {
  const gateway = await createGatewayServer({
    config: { directoryUrl: options.directoryUrl, provinces: options.provinces, provinceTimeoutMs: 60_000, contractCheckIntervalMs: 0 },
    provinceTransport: transport,
  });
  try {
    await gateway.monitor.start();
    const ask = async () => {
      const response = await gateway.server.handle({ body: JSON.stringify({ query: comparativeQuery }) });
      const result = JSON.parse(response.body) as { data?: unknown; errors?: unknown[] };
      if (response.status !== 200 || result.errors?.length) throw new Error(`the in-process gateway failed: ${response.body.slice(0, 300)}`);
      const provinces = (result.data as { provinces: { qmsCoverage: unknown }[] }).provinces;
      if (provinces.length !== options.provinces.length || provinces.some((p) => p.qmsCoverage === null)) {
        throw new Error(`the in-process gateway answered ${provinces.length} provinces, some without figures`);
      }
    };
    for (let i = 0; i < options.warmup; i++) await ask();
    for (let i = 0; i < options.requests; i++) {
      hooks.beforeEach?.();
      const started = performance.now();
      await ask();
      hooks.afterEach(performance.now() - started);
    }
  } finally {
    await gateway.stop();
  }
}

/**
 * The gateway's own cost, in this process, one request at a time: once with the provinces'
 * answers replayed in-process, once over HTTP with each request's slowest province timed.
 */
export async function measureGatewayCost(options: GatewayCostOptions): Promise<GatewayCost> {
  const inProcess: number[] = [];
  await runInProcessGateway(options, createReplayTransport(), { afterEach: (ms) => inProcess.push(ms) });

  const timing = createTimingTransport();
  const total: number[] = [];
  const slowest: number[] = [];
  const added: number[] = [];
  await runInProcessGateway(options, timing.transport, {
    beforeEach: () => void timing.takeSlowest(),
    afterEach: (ms) => {
      const slowestMs = timing.takeSlowest();
      total.push(ms);
      slowest.push(slowestMs);
      added.push(ms - slowestMs);
    },
  });
  return { inProcess: summarize(inProcess), overHttp: { total: summarize(total), slowestProvince: summarize(slowest), addedOverSlowest: summarize(added) } };
}
