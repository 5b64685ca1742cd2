import type { ProvinceRoute } from "../province-router/index.ts";
import { checkProvinceContracts } from "../province-router/index.ts";
import type { ProvinceSubgraph } from "../config.ts";
import { listDirectoryProvinces } from "./query-directory.ts";

export type ProvinceState = "unchecked" | "ok" | "unreachable" | "drift";

/** A province's state as of the last contract check. */
export interface ProvinceStatus {
  id: string;
  name: string;
  url: string;
  state: ProvinceState;
  /** Why unreachable, or what drifted. */
  detail?: string;
  checkedAt?: string;
}

export interface StatusMonitorOptions {
  directoryUrl: string;
  provinces: readonly ProvinceSubgraph[];
  /** The committed province contract. */
  contractSdl: string;
  timeoutMs: number;
  /** 0: refresh only at start. */
  intervalMs: number;
  logger?: { warn(message: string): void; info?(message: string): void };
}

export interface StatusMonitor {
  /** The routing table with the directory's names (the id until the directory has answered). */
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

/**
 * Keeps the gateway's view of the provinces: their display names, read from the directory at
 * start and on a schedule (a province keeps its last known name, or its id, while the directory
 * is down), and each province's state from the last contract check.
 */
export function createStatusMonitor({ directoryUrl, provinces, contractSdl, timeoutMs, intervalMs, logger }: StatusMonitorOptions): StatusMonitor {
  const names = new Map<string, string>();
  let routes: ProvinceRoute[] = provinces.map(({ id, url }) => ({ id, name: id, url }));
  let statuses: ProvinceStatus[] = routes.map((route) => ({ ...route, state: "unchecked" }));
  let unrouted: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function refreshNames(): Promise<void> {
    const answer = await listDirectoryProvinces(directoryUrl, timeoutMs);
    if (!answer.ok) {
      logger?.warn(`directory at ${directoryUrl}: ${answer.reason}; province names stay as they were`);
      return;
    }
    for (const entry of answer.value) names.set(entry.id, entry.name);
    const routed = new Set(provinces.map((p) => p.id));
    unrouted = answer.value.filter((entry) => entry.hasSubgraph && !routed.has(entry.id)).map((entry) => entry.id);
    routes = provinces.map(({ id, url }) => ({ id, name: names.get(id) ?? id, url }));
  }

  async function checkContracts(): Promise<void> {
    const checkedAt = new Date().toISOString();
    const reports = await checkProvinceContracts({ provinces: routes, contractSdl, timeoutMs });
    const previous = new Map(statuses.map((status) => [status.id, status.state]));
    statuses = reports.map((report) => {
      const { id, name, url } = report.province;
      const detail = report.status === "unreachable" ? report.reason : report.status === "drift" ? report.difference : undefined;
      // Said once per change, not on every round.
      if (previous.get(id) !== report.status) {
        if (detail) logger?.warn(`province ${id} (${name}) at ${url}: ${report.status}: ${detail}`);
        else if (previous.get(id) !== "unchecked") logger?.info?.(`province ${id} (${name}) at ${url}: ok again`);
      }
      return { id, name, url, state: report.status, ...(detail ? { detail } : {}), checkedAt };
    });
  }

  function refresh(): Promise<void> {
    // A slow round is not doubled by the next tick.
    running ??= (async () => {
      await refreshNames();
      await checkContracts();
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    routes: () => routes,
    provinceStatuses: () => statuses,
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
      clearInterval(timer);
    },
  };
}
