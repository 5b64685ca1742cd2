import autocannon from "autocannon";

export interface LatencyFigures {
  requests: number;
  medianMs: number;
  p99Ms: number;
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
}

export interface MeasureOptions {
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Concurrent connections; 1 measures latency without queueing. */
  connections?: number;
  /** Requests to send after warm-up. */
  amount: number;
  warmup?: number;
}

/** Sends the same GraphQL POST again and again from a load generator on loopback. */
export async function measureLatency(options: MeasureOptions): Promise<LatencyFigures> {
  const body = JSON.stringify({ query: options.query, variables: options.variables });
  const request = { url: options.url, method: "POST" as const, headers: { "content-type": "application/json" }, body };
  const warmup = options.warmup ?? Math.min(50, Math.ceil(options.amount / 5));
  if (warmup > 0) await autocannon({ ...request, connections: 1, amount: warmup });
  const result = await autocannon({ ...request, connections: options.connections ?? 1, amount: options.amount });
  return {
    requests: result.requests.total,
    medianMs: result.latency.p50,
    p99Ms: result.latency.p99,
    requestsPerSecond: result.requests.average,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
