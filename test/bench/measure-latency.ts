import autocannon from "autocannon";
import { type Summary, summarize } from "./summarize.ts";

export interface LatencyFigures extends Summary {
  /** Requests per second: one at a time for a latency figure, `connections` at once for throughput. */
  requestsPerSecond: number;
  connections: number;
}

export interface MeasureOptions {
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  /** 1: latency, timed request by request; more: throughput, from autocannon. */
  connections?: number;
  /** Requests to send after warm-up, one at a time (latency). */
  amount: number;
  /** How long to keep every connection busy (throughput), in seconds. */
  durationSeconds?: number;
  warmup?: number;
}

/**
 * Sends the same GraphQL POST again and again on loopback. With one connection each request is
 * timed with the high-resolution clock (autocannon's histogram counts whole milliseconds, too
 * coarse for a few-millisecond answer); with more, autocannon keeps them all busy.
 */
export async function measureLatency(options: MeasureOptions): Promise<LatencyFigures> {
  const body = JSON.stringify({ query: options.query, variables: options.variables });
  const headers = { "content-type": "application/json" };
  const connections = options.connections ?? 1;
  const warmup = options.warmup ?? Math.min(50, Math.ceil(options.amount / 5));
  const send = async () => {
    const response = await fetch(options.url, { method: "POST", headers, body });
    const text = await response.text();
    if (!response.ok || text.includes('"errors"')) throw new Error(`${options.url} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  };
  for (let i = 0; i < warmup; i++) await send();

  if (connections === 1) {
    const durations: number[] = [];
    const started = performance.now();
    for (let i = 0; i < options.amount; i++) {
      const t = performance.now();
      await send();
      durations.push(performance.now() - t);
    }
    const seconds = (performance.now() - started) / 1000;
    return { ...summarize(durations), requestsPerSecond: round(options.amount / seconds), connections };
  }

  // A fixed duration, not an amount: autocannon notices the last answer only at its next one-second tick.
  const seconds = options.durationSeconds ?? 5;
  const result = await autocannon({ url: options.url, method: "POST", headers, body, connections, duration: seconds, timeout: 60 });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) throw new Error(`${options.url}: ${failed} of ${result.requests.total} requests failed under load`);
  return {
    samples: result.requests.total,
    medianMs: result.latency.p50,
    p99Ms: result.latency.p99,
    requestsPerSecond: round(result.requests.total / seconds),
    connections,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
