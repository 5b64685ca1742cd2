import { describe, expect, it } from "vitest";
import { CACHEABLE_HEADER, type CacheReply, createResponseCache, type EngineAnswer } from "./create-response-cache.ts";
import type { VersionSnapshot } from "./data-version-tracker.ts";
import { createMemoryResponseStore } from "./memory-response-store.ts";

const MAX_AGE_MS = 60_000;
const QUERY = { body: '{"query":"{ provinces { id } }"}', headers: { "content-type": "application/json", accept: "application/json" } };

/** The world the cache sees: a clock, the provinces' versions, and an engine that counts its runs. */
function setUp() {
  let clock = Date.parse("2026-11-27T10:00:00Z");
  let snapshot: VersionSnapshot | undefined = { digest: "v1", down: new Set() };
  const failures: { id: string; at: number }[] = [];
  let answer: EngineAnswer = { status: 200, headers: { "content-type": "application/json", [CACHEABLE_HEADER]: "whole" }, body: '{"data":{"provinces":[{"id":"lang-son"}]}}\n' };
  let runs = 0;
  const cache = createResponseCache({
    store: createMemoryResponseStore({ maxBytes: 1024 * 1024 }),
    versions: { snapshot: () => snapshot, failedSince: (since) => failures.filter((f) => f.at >= since).map((f) => f.id) },
    maxAgeMs: MAX_AGE_MS,
    now: () => clock,
  });
  const ask = async (request = QUERY, during?: () => void): Promise<{ reply: CacheReply; json: { data?: unknown; errors?: unknown[]; extensions?: { freshness?: Record<string, unknown> } } }> => {
    const reply = await cache.answer(request, async () => {
      runs += 1;
      during?.();
      return answer;
    });
    await new Promise((resolve) => setImmediate(resolve)); // the store is written after the reply
    return { reply, json: JSON.parse(reply.chunks.map(String).join("")) };
  };
  return {
    ask,
    runs: () => runs,
    tick: (ms: number) => void (clock += ms),
    setSnapshot: (s: VersionSnapshot | undefined) => void (snapshot = s),
    setAnswer: (a: EngineAnswer) => void (answer = a),
    fail: (id: string) => failures.push({ id, at: clock }),
  };
}

describe("the response cache", () => {
  it("answers the same question twice with one run of the engine, saying how old the figures are", async () => {
    const world = setUp();
    const first = await world.ask();
    expect(first.json).toEqual({ data: { provinces: [{ id: "lang-son" }] }, extensions: { freshness: { asOf: "2026-11-27T10:00:00.000Z", ageSeconds: 0, fromCache: false, maxAgeSeconds: 60 } } });
    world.tick(12_500);
    const second = await world.ask();
    expect(world.runs()).toBe(1);
    expect(second.json.data).toEqual(first.json.data);
    expect(second.json.extensions?.freshness).toEqual({ asOf: "2026-11-27T10:00:00.000Z", ageSeconds: 12, fromCache: true, maxAgeSeconds: 60 });
    expect(second.reply.headers).toMatchObject({ "content-type": "application/json", age: "12" });
    expect(second.reply.headers).not.toHaveProperty(CACHEABLE_HEADER);
  });

  it("asks again once any province's data version has moved", async () => {
    const world = setUp();
    await world.ask();
    world.setSnapshot({ digest: "v2", down: new Set() });
    expect((await world.ask()).json.extensions?.freshness?.fromCache).toBe(false);
    expect(world.runs()).toBe(2);
  });

  it("never serves an answer older than the bound, versions unchanged", async () => {
    const world = setUp();
    await world.ask();
    world.tick(MAX_AGE_MS);
    expect((await world.ask()).json.extensions?.freshness?.fromCache).toBe(true);
    world.tick(1);
    expect((await world.ask()).json.extensions?.freshness).toMatchObject({ fromCache: false, ageSeconds: 0 });
    expect(world.runs()).toBe(2);
  });

  it("keeps nothing while a province's version is unknown", async () => {
    const world = setUp();
    world.setSnapshot(undefined);
    await world.ask();
    await world.ask();
    expect(world.runs()).toBe(2);
  });

  it("keeps apart what differs in body or Accept header", async () => {
    const world = setUp();
    await world.ask();
    await world.ask({ ...QUERY, body: '{"query":"{ provinces { id name } }"}' });
    await world.ask({ ...QUERY, headers: { ...QUERY.headers, accept: "application/graphql-response+json" } });
    expect(world.runs()).toBe(3);
  });

  it("passes an answer the engine did not mark (a mutation, another error) as it came, and keeps it not", async () => {
    const world = setUp();
    const body = '{"errors":[{"message":"boom","extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}';
    world.setAnswer({ status: 200, headers: { "content-type": "application/json" }, body });
    const first = await world.ask();
    expect(first.reply.chunks.join("")).toBe(body);
    await world.ask();
    expect(world.runs()).toBe(2);
  });

  it("keeps a partial answer only when the provinces it lacks were known to be down when it was asked for", async () => {
    const world = setUp();
    world.setAnswer({ status: 200, headers: { "content-type": "application/json", [CACHEABLE_HEADER]: "without=long-an" }, body: '{"errors":[{"message":"Long An is unavailable"}],"data":{}}' });
    await world.ask();
    await world.ask();
    expect(world.runs()).toBe(2); // Long An failed while the versions said it was up: not kept

    world.setSnapshot({ digest: "long-an down", down: new Set(["long-an"]) });
    await world.ask();
    const again = await world.ask();
    expect(world.runs()).toBe(3);
    expect(again.json.errors).toEqual([{ message: "Long An is unavailable" }]);
  });

  it("keeps no answer computed while a province failed, even one that says so only in its data (a national figure)", async () => {
    const world = setUp();
    await world.ask(QUERY, () => world.fail("long-an"));
    await world.ask();
    expect(world.runs()).toBe(2);
  });
});
