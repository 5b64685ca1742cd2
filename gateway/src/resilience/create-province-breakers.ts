import { BrokenCircuitError, CircuitBreakerPolicy, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhenResult } from "cockatiel";
import type { GraphQLExchange, ProvinceTransport } from "../province-router/index.ts";

/** One province server's circuit, as /health/ready shows it. */
export interface ProvinceCircuit {
  state: "closed" | "open" | "half-open";
  /** When it entered this state (ISO time); absent while it has never left `closed`. */
  since?: string;
  /** Failed calls in a row. */
  failures: number;
  /** Why the last call failed, while the circuit is not closed. */
  lastFailure?: string;
  /** While open: how long until a request is let through to probe it. */
  retryInMs?: number;
}

export interface ProvinceBreakersOptions {
  /** Failed calls in a row that open a province's circuit. */
  failures: number;
  /** How long an open circuit answers at once before one request probes the province, in milliseconds. */
  cooldownMs: number;
}

export interface ProvinceBreakers {
  /** The transport with one circuit breaker per province URL in front of it. */
  wrap(transport: ProvinceTransport): ProvinceTransport;
  /** The circuit of the server at this URL (closed when it was never called). */
  circuitOf(url: string): ProvinceCircuit;
  /** Called on every change of a circuit's state, once per change. */
  onChange(listener: (url: string, circuit: ProvinceCircuit) => void): void;
}

/**
 * What counts against a province: no answer (unreachable, timed out), an HTTP 5xx, or an answer
 * that is not GraphQL. An HTTP 4xx is the province refusing one query (a field its version lacks),
 * not a sign that it is down, and an answer with GraphQL errors is an answer.
 */
export function isProvinceOutage(exchange: GraphQLExchange): boolean {
  // A call cancelled because its client left says nothing of the province.
  return !exchange.ok && !/^HTTP 4\d\d\b/.test(exchange.reason) && !exchange.reason.startsWith("cancelled:");
}

const STATES: Record<CircuitState, ProvinceCircuit["state"]> = {
  [CircuitState.Closed]: "closed",
  [CircuitState.Open]: "open",
  [CircuitState.HalfOpen]: "half-open",
  [CircuitState.Isolated]: "open",
};

interface Circuit {
  policy: CircuitBreakerPolicy;
  failures: number;
  lastFailure?: string;
  since?: number;
}

function describeRetry(ms: number): string {
  return `retrying in ${Math.max(1, Math.ceil(ms / 1000))} s`;
}

/**
 * A circuit breaker per province server (cockatiel's `ConsecutiveBreaker`): after `failures`
 * outages in a row (isProvinceOutage) its circuit opens, and for `cooldownMs` every call is
 * answered at once, without asking it, "circuit open, retrying in N s"; then the next call probes
 * it (half-open: calls meanwhile wait for the probe), and a success closes the circuit again.
 */
export function createProvinceBreakers({ failures, cooldownMs }: ProvinceBreakersOptions): ProvinceBreakers {
  const circuits = new Map<string, Circuit>();
  const listeners: ((url: string, circuit: ProvinceCircuit) => void)[] = [];

  function snapshot(circuit: Circuit | undefined): ProvinceCircuit {
    if (!circuit) return { state: "closed", failures: 0 };
    const state = STATES[circuit.policy.state];
    const since = circuit.since === undefined ? {} : { since: new Date(circuit.since).toISOString() };
    const lastFailure = state !== "closed" && circuit.lastFailure ? { lastFailure: circuit.lastFailure } : {};
    const retryInMs = state === "open" && circuit.since !== undefined ? { retryInMs: Math.max(0, circuit.since + cooldownMs - Date.now()) } : {};
    return { state, ...since, failures: circuit.failures, ...lastFailure, ...retryInMs };
  }

  function circuitFor(url: string): Circuit {
    let circuit = circuits.get(url);
    if (circuit) return circuit;
    const policy = circuitBreaker(handleWhenResult((result) => isProvinceOutage(result as GraphQLExchange)), {
      halfOpenAfter: cooldownMs,
      breaker: new ConsecutiveBreaker(failures),
    });
    const created: Circuit = { policy, failures: 0 };
    policy.onStateChange(() => {
      created.since = Date.now();
      const current = snapshot(created);
      for (const listener of listeners) listener(url, current);
    });
    circuits.set(url, (circuit = created));
    return circuit;
  }

  return {
    wrap: (transport) => async (url, body, timeoutMs, limits) => {
      const circuit = circuitFor(url);
      // Counted inside the call, so that a listener told of the change sees the failure that caused it.
      const call = async () => {
        let exchange: GraphQLExchange;
        try {
          exchange = await transport(url, body, timeoutMs, limits);
        } catch (error) {
          exchange = { ok: false, reason: `unreachable: ${(error as Error).message}` };
        }
        if (!isProvinceOutage(exchange)) circuit.failures = 0;
        else {
          circuit.failures += 1;
          circuit.lastFailure = (exchange as { reason: string }).reason;
        }
        return exchange;
      };
      try {
        return await circuit.policy.execute(call);
      } catch (error) {
        if (!(error instanceof BrokenCircuitError)) throw error;
        const { retryInMs } = snapshot(circuit);
        return { ok: false, reason: retryInMs ? `circuit open, ${describeRetry(retryInMs)}` : "circuit open, a probe is under way" };
      }
    },
    circuitOf: (url) => snapshot(circuits.get(url)),
    onChange: (listener) => {
      listeners.push(listener);
    },
  };
}
