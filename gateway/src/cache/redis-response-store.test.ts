import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { redisIsReachable, testRedisUrl } from "../../../test/helpers/redis.ts";
import { createRedisResponseStore } from "./redis-response-store.ts";
import type { ResponseStore } from "./response-store.ts";

const reachable = await redisIsReachable();
const entry = { asOf: Date.parse("2026-11-27T10:00:00Z"), status: 200, contentType: "application/graphql-response+json; charset=utf-8", head: Buffer.from('{"data":{"name":"Lạng Sơn"}') };

describe.skipIf(!reachable)("answers kept in Redis", () => {
  const stores: ResponseStore[] = [];
  const open = (url = testRedisUrl, onStateChange?: (up: boolean) => void) => {
    const store = createRedisResponseStore({ url, prefix: `khcn:test:${randomUUID()}:`, timeoutMs: 500, onStateChange });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });

  it("gives back the bytes and their metadata as they were kept, and forgets them after their time", async () => {
    const store = open();
    await store.set("k", entry, 200);
    expect(await store.get("k")).toEqual(entry);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await store.get("k")).toBeUndefined();
  });

  it("costs only the cache when Redis does not answer: a miss, said once", async () => {
    const changes: boolean[] = [];
    const store = open("redis://127.0.0.1:1", (up) => changes.push(up));
    await store.set("k", entry, 1000);
    expect(await store.get("k")).toBeUndefined();
    expect(await store.get("k")).toBeUndefined();
    expect(changes).toEqual([false]);
  });
});
