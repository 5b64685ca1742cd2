import { Redis } from "ioredis";
import { decodeStoredResponse, encodeStoredResponse, type ResponseStore } from "./response-store.ts";

export interface RedisResponseStoreOptions {
  url: string;
  /** Prefixed to every key, so several federations (or test runs) can share one Redis. */
  prefix: string;
  /** How long a Redis command may take before the request goes on without the cache. */
  timeoutMs: number;
  /** Told once each time Redis stops or starts answering. */
  onStateChange?: (up: boolean, reason?: string) => void;
}

/**
 * Answers shared by every gateway replica through Redis: what one replica asked the provinces,
 * another serves. Redis failing costs only the cache: a request goes on as a miss.
 */
export function createRedisResponseStore({ url, prefix, timeoutMs, onStateChange }: RedisResponseStoreOptions): ResponseStore {
  // Commands wait for a connection at most timeoutMs (commandTimeout): a request never hangs on the cache.
  const redis = new Redis(url, { commandTimeout: timeoutMs, maxRetriesPerRequest: 1 });
  let up: boolean | undefined;
  const report = (next: boolean, reason?: string) => {
    if (up === next) return;
    up = next;
    onStateChange?.(next, reason);
  };
  redis.on("ready", () => report(true));
  redis.on("error", (error: Error) => report(false, error.message));
  return {
    async get(key) {
      try {
        const bytes = await redis.getBuffer(prefix + key);
        return bytes ? decodeStoredResponse(bytes) : undefined;
      } catch (error) {
        report(false, (error as Error).message);
        return undefined;
      }
    },
    async set(key, value, ttlMs) {
      try {
        await redis.set(prefix + key, encodeStoredResponse(value), "PX", Math.max(1, Math.round(ttlMs)));
      } catch (error) {
        report(false, (error as Error).message);
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}
