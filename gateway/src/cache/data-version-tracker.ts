import { createHash } from "node:crypto";
import { postGraphQL, type ProvinceTransport } from "../province-router/post-graphql.ts";
import type { ProvinceRoute } from "../province-router/province-route.ts";

/** What the gateway knows of one province's records: their version, or that it could not tell. */
export type ProvinceDataState = { version: string; checkedAt: number } | { down: string; checkedAt: number };

/** The versions of every routed province at one moment, as one key part. */
export interface VersionSnapshot {
  /** Changes when any province's version or reachability does. */
  digest: string;
  /** Provinces that did not say their version at the last check (a partial answer may leave them out). */
  down: ReadonlySet<string>;
}

export interface DataVersionTrackerOptions {
  /** The routing table, read at each round. */
  routes: () => readonly ProvinceRoute[];
  /** How often every province is asked for its version. */
  intervalMs: number;
  timeoutMs: number;
  /** How provinces are reached; GraphQL over HTTP by default. */
  transport?: ProvinceTransport;
  now?: () => number;
}

export interface DataVersionTracker {
  /**
   * The versions of the provinces routed at the last round, or undefined while any one's is unknown
   * or older than two rounds (a check that hangs): then nothing may be served from the cache.
   */
  snapshot(): VersionSnapshot | undefined;
  /** Asks every province now. */
  refresh(): Promise<void>;
  /** Told by the router when a province fails to answer a request. */
  noteFailure(provinceId: string): void;
  /** Provinces that failed a request at or after `since` (ms since the epoch). */
  failedSince(since: number): string[];
  /** A first round, then one every intervalMs. */
  start(): Promise<void>;
  stop(): void;
}

const VERSION_QUERY = "query __DataVersion__ { thisProvince { id dataVersion } }";

/**
 * Learns each province's data version (`Province.dataVersion`, which moves with every import or
 * edit) by asking every province once per interval, so a request never has to: a cached answer is
 * reused only while every version it was computed on is still the current one.
 */
export function createDataVersionTracker({ routes, intervalMs, timeoutMs, transport = postGraphQL, now = Date.now }: DataVersionTrackerOptions): DataVersionTracker {
  const states = new Map<string, ProvinceDataState>();
  const lastFailure = new Map<string, number>();
  let current: VersionSnapshot | undefined;
  let currentKey = "";
  let oldestCheck = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  async function check(route: ProvinceRoute): Promise<ProvinceDataState> {
    const exchange = await transport(route.url, { query: VERSION_QUERY }, timeoutMs);
    const checkedAt = now();
    if (!exchange.ok) return { down: exchange.reason, checkedAt };
    const own = exchange.data?.thisProvince as { id?: unknown; dataVersion?: unknown } | null | undefined;
    // A server answering for another province is not this province's version.
    if (own?.id !== route.id) return { down: `answers for ${String(own?.id)}`, checkedAt };
    return typeof own.dataVersion === "string" ? { version: own.dataVersion, checkedAt } : { down: "no data version", checkedAt };
  }

  /** The digest of the routed provinces' states; undefined while one of them has never been checked. */
  function rebuild(table: readonly ProvinceRoute[]): void {
    const parts = table.map((r) => [r.id, states.get(r.id)] as const).sort(([a], [b]) => a.localeCompare(b));
    if (parts.some(([, state]) => state === undefined)) {
      current = undefined;
      return;
    }
    oldestCheck = Math.min(...parts.map(([, state]) => state!.checkedAt));
    const key = parts.map(([id, s]) => `${id}=${"version" in s! ? s.version : "down"}`).join("\n");
    if (key === currentKey && current) return;
    currentKey = key;
    current = { digest: createHash("sha256").update(key).digest("hex"), down: new Set(parts.filter(([, s]) => "down" in s!).map(([id]) => id)) };
  }

  function refresh(): Promise<void> {
    running ??= (async () => {
      const table = routes();
      const checked = await Promise.all(table.map(async (route) => [route.id, await check(route)] as const));
      for (const [id, state] of checked) states.set(id, state);
      rebuild(table);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    // O(1) per request: the digest and the oldest check are worked out once per round.
    snapshot() {
      if (!current || oldestCheck < now() - 2 * intervalMs - timeoutMs) return undefined;
      return current;
    },
    refresh,
    noteFailure: (provinceId) => void lastFailure.set(provinceId, now()),
    failedSince: (since) => [...lastFailure].filter(([, at]) => at >= since).map(([id]) => id),
    async start() {
      await refresh();
      timer = setInterval(() => void refresh(), intervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
