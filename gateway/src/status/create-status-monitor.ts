import { ErrorCode } from "@khcn/shared";
import type { ProvinceSubgraph } from "../config.ts";
import { checkProvinceContracts, type ProvinceContractReport } from "../contract-check/index.ts";
import type { ProvinceRoute } from "../province-router/index.ts";
import type { ProvinceBreakers, ProvinceCircuit } from "../resilience/create-province-breakers.ts";
import { listDirectoryProvinces } from "./query-directory.ts";

/**
 * - `unchecked`: not checked yet; `ok`: on the contract (maybe with safe `changes`); `unreachable`: no answer at the last check;
 * - `drift`: a breaking change, and `wrong-province`: the route leads to another province's server: both out of routing;
 * - `circuit-open`: failed requests in a row opened its circuit: answered at once until a probe succeeds.
 */
export type ProvinceState = "unchecked" | "ok" | "unreachable" | "drift" | "wrong-province" | "circuit-open";

/** A province's state: the last contract check's, unless its circuit is open now. */
export interface ProvinceStatus {
  id: string;
  name: string;
  url: string;
  state: ProvinceState;
  /** Why unreachable, what drifted, whom the server answers for, or why the circuit opened. */
  detail?: string;
  /** Whether the router asks it; false while out of routing (drift, wrong province). */
  routed: boolean;
  /** Differences from the contract that keep it routed (descriptions, additions). */
  changes?: string[];
  /** Its circuit breaker, live (not only as of the last check). */
  circuit?: ProvinceCircuit;
  checkedAt?: string;
}

export interface StatusMonitorOptions {
  directoryUrl: string;
  provinces: readonly ProvinceSubgraph[];
  /** The committed province contract. */
  contractSdl: string;
  /** How long each province has to answer the contract check. */
  timeoutMs: number;
  /** How long the directory has to list the provinces; `timeoutMs` by default. */
  directoryTimeoutMs?: number;
  /** 0: refresh only at start. */
  intervalMs: number;
  /** The router's circuit breakers: their state is shown live, and each change of it re-checks the provinces. */
  breakers?: Pick<ProvinceBreakers, "circuitOf" | "onChange">;
  logger?: { warn(message: string): void; info?(message: string): void };
}

export interface StatusMonitor {
  /** The routing table the router reads: the directory's names (the id until it has answered), and each province's exclusion from routing. */
  routes(): readonly ProvinceRoute[];
  provinceStatuses(): readonly ProvinceStatus[];
  /** Provinces the directory says run a subgraph but the routing table lacks: their figures are null. */
  unrouted(): readonly string[];
  /** Re-reads the directory's names and checks every province against the contract. */
  refresh(): Promise<void>;
  /** The first refresh, then one every intervalMs. */
  start(): Promise<void>;
  stop(): void;
}

interface CheckedState {
  state: Exclude<ProvinceState, "circuit-open">;
  detail?: string;
  changes?: string[];
  excluded?: ProvinceRoute["excluded"];
  checkedAt?: string;
}

/** What a contract check means for routing; an unreachable province keeps an exclusion it had, until a check finds it fixed. */
function readReport(report: ProvinceContractReport, previous: CheckedState | undefined, checkedAt: string): CheckedState {
  const changes = "changes" in report && report.changes ? { changes: report.changes } : {};
  switch (report.status) {
    case "ok":
      return { state: "ok", ...changes, checkedAt };
    case "unreachable":
      return { state: "unreachable", detail: report.reason, ...(previous?.excluded ? { excluded: previous.excluded } : {}), checkedAt };
    case "drift":
      return {
        state: "drift",
        detail: report.difference,
        ...changes,
        excluded: { code: ErrorCode.ProvinceContractDrift, reason: `its schema breaks the contract: ${report.difference}` },
        checkedAt,
      };
    case "wrong-province":
      return {
        state: "wrong-province",
        detail: report.reason,
        excluded: { code: ErrorCode.ProvinceUnavailable, reason: `its route leads to the server of another province ("${report.answersFor}")` },
        checkedAt,
      };
  }
}

function describeCircuit(circuit: ProvinceCircuit): string {
  const retry = circuit.retryInMs === undefined ? "" : `; retrying in ${Math.max(1, Math.ceil(circuit.retryInMs / 1000))} s`;
  return `circuit open after ${circuit.failures} failed requests in a row${circuit.lastFailure ? ` (last: ${circuit.lastFailure})` : ""}${retry}`;
}

/**
 * Keeps the gateway's view of the provinces and the routing table the router reads: their display
 * names, read from the directory at start and on a schedule (a province keeps its last known
 * name, or its id, while the directory is down); each province's state from the last contract
 * check, which takes a drifted or misrouted province out of routing; and its circuit, live. Each
 * change is logged once, not on every round or request.
 */
export function createStatusMonitor({ directoryUrl, provinces, contractSdl, timeoutMs, directoryTimeoutMs = timeoutMs, intervalMs, breakers, logger }: StatusMonitorOptions): StatusMonitor {
  const names = new Map<string, string>();
  const checked = new Map<string, CheckedState>();
  let unrouted: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const baseRoutes = (): ProvinceRoute[] => provinces.map(({ id, url }) => ({ id, name: names.get(id) ?? id, url }));

  // The router reads the table on every request: it is built again only when a round changes it.
  let table: ProvinceRoute[] | undefined;
  function routes(): ProvinceRoute[] {
    table ??= baseRoutes().map((route) => {
      const excluded = checked.get(route.id)?.excluded;
      return excluded ? { ...route, excluded } : route;
    });
    return table;
  }

  async function refreshNames(): Promise<void> {
    const answer = await listDirectoryProvinces(directoryUrl, directoryTimeoutMs);
    if (!answer.ok) {
      logger?.warn(`directory at ${directoryUrl}: ${answer.reason}; province names stay as they were`);
      return;
    }
    for (const entry of answer.value) names.set(entry.id, entry.name);
    table = undefined;
    const routed = new Set(provinces.map((p) => p.id));
    unrouted = answer.value.filter((entry) => entry.hasSubgraph && !routed.has(entry.id)).map((entry) => entry.id);
  }

  async function checkContracts(): Promise<void> {
    const checkedAt = new Date().toISOString();
    const reports = await checkProvinceContracts({ provinces: baseRoutes(), contractSdl, timeoutMs });
    for (const report of reports) {
      const { id, name, url } = report.province;
      const previous = checked.get(id);
      const next = readReport(report, previous, checkedAt);
      checked.set(id, next);
      table = undefined;
      // Said once per change, not on every round.
      if (previous?.state === next.state && previous.detail === next.detail) continue;
      const routing = next.excluded ? "; out of routing until a check finds it fixed" : "";
      if (next.state !== "ok") logger?.warn(`province ${id} (${name}) at ${url}: ${next.state}: ${next.detail}${routing}`);
      else if (previous) logger?.info?.(`province ${id} (${name}) at ${url}: ok${previous.excluded ? ", routed again" : " again"}${next.changes ? ` (safe changes: ${next.changes.join("; ")})` : ""}`);
      else if (next.changes) logger?.info?.(`province ${id} (${name}) at ${url}: ok, with safe changes: ${next.changes.join("; ")}`);
    }
  }

  /** One round at a time: a slow round is not doubled by the next tick or a change of circuit. */
  function runOnce(round: () => Promise<void>): Promise<void> {
    running ??= round().finally(() => {
      running = undefined;
    });
    return running;
  }

  const refresh = () =>
    runOnce(async () => {
      await refreshNames();
      await checkContracts();
    });

  breakers?.onChange((url, circuit) => {
    for (const route of baseRoutes().filter((r) => r.url === url)) {
      const where = `province ${route.id} (${route.name}) at ${url}`;
      if (circuit.state === "open") logger?.warn(`${where}: ${describeCircuit(circuit)}`);
      else if (circuit.state === "half-open") logger?.info?.(`${where}: circuit half-open, probing with one request`);
      else logger?.info?.(`${where}: circuit closed, answering again`);
    }
    // The contract check's state follows within seconds, not at the next scheduled round.
    if (!stopped) void runOnce(checkContracts).catch(() => {});
  });

  return {
    routes,
    provinceStatuses: () =>
      baseRoutes().map(({ id, name, url }) => {
        const { excluded, ...state } = checked.get(id) ?? { state: "unchecked" as const };
        const circuit = breakers?.circuitOf(url);
        const open = circuit?.state === "open" && !excluded;
        return {
          id,
          name,
          url,
          ...state,
          ...(open ? { state: "circuit-open" as const, detail: describeCircuit(circuit) } : {}),
          routed: !excluded,
          ...(circuit ? { circuit } : {}),
        };
      }),
    unrouted: () => unrouted,
    refresh,
    async start() {
      await refresh();
      if (intervalMs > 0) {
        timer = setInterval(() => void refresh(), intervalMs);
        timer.unref();
      }
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
