import type { ResponseCacheConfig } from "../config.ts";
import type { ProvinceRoute, ProvinceTransport } from "../province-router/index.ts";
import { createResponseCache, type ResponseCache, type ResponseCacheOptions } from "./create-response-cache.ts";
import { createDataVersionTracker, type DataVersionTracker } from "./data-version-tracker.ts";
import { createMemoryResponseStore } from "./memory-response-store.ts";
import { createRedisResponseStore } from "./redis-response-store.ts";
import type { ResponseStore } from "./response-store.ts";

export interface ResponseCacheLayer {
  cache: ResponseCache;
  versions: DataVersionTracker;
  store: ResponseStore;
}

export interface ResponseCacheLayerOptions {
  /** Its kind is `memory` or `redis` (`off` builds no layer). */
  config: ResponseCacheConfig;
  routes: () => readonly ProvinceRoute[];
  timeoutMs: number;
  logger?: { info(message: string): void; warn(message: string): void };
  transport?: ProvinceTransport;
  /** Told what the cache did with each request (hit, miss, bypass), for the metrics. */
  onOutcome?: ResponseCacheOptions["onOutcome"];
}

/** The response cache with its store (memory or Redis) and the data-version tracker it keys on. */
export function createResponseCacheLayer({ config, routes, timeoutMs, logger, transport, onOutcome }: ResponseCacheLayerOptions): ResponseCacheLayer {
  const store =
    config.kind === "redis"
      ? createRedisResponseStore({
          url: config.redisUrl,
          prefix: config.redisPrefix,
          timeoutMs: Math.min(timeoutMs, 1000),
          onStateChange: (up, reason) => (up ? logger?.info("response cache: Redis is answering") : logger?.warn(`response cache: Redis is not answering (${reason}); answers are not cached meanwhile`)),
        })
      : createMemoryResponseStore({ maxBytes: config.maxBytes });
  const versions = createDataVersionTracker({ routes, intervalMs: config.versionCheckMs, timeoutMs: Math.min(timeoutMs, config.versionCheckMs), transport });
  return { cache: createResponseCache({ store, versions, maxAgeMs: config.maxAgeMs, onOutcome }), versions, store };
}
