import { LRUCache } from "lru-cache";
import type { ResponseStore, StoredResponse } from "./response-store.ts";

/** Answers kept in this process, the least recently used dropped past `maxBytes`. */
export function createMemoryResponseStore({ maxBytes }: { maxBytes: number }): ResponseStore {
  const entries = new LRUCache<string, StoredResponse>({
    maxSize: maxBytes,
    sizeCalculation: (value, key) => value.head.length + key.length + 64,
    // An answer larger than the whole store is not kept rather than evicting everything.
    maxEntrySize: maxBytes,
  });
  return {
    get: async (key) => entries.get(key),
    set: async (key, value, ttlMs) => void entries.set(key, value, { ttl: ttlMs }),
    close: async () => entries.clear(),
  };
}
