import { describe, expect, it } from "vitest";
import type { GraphQLExchange, ProvinceTransport } from "../province-router/post-graphql.ts";
import { createDataVersionTracker } from "./data-version-tracker.ts";

const routes = [
  { id: "lang-son", name: "Lạng Sơn", url: "http://lang-son.test/graphql" },
  { id: "long-an", name: "Long An", url: "http://long-an.test/graphql" },
];

/** Provinces as the tracker reaches them: each answers `thisProvince` with its id and version, or not at all. */
function provinces(answers: Record<string, GraphQLExchange | ((url: string) => GraphQLExchange)>): { transport: ProvinceTransport; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    transport: async (url, body) => {
      asked.push(`${url} ${body.query}`);
      const answer = answers[url]!;
      return typeof answer === "function" ? answer(url) : answer;
    },
  };
}

const own = (id: string, dataVersion: string): GraphQLExchange => ({ ok: true, data: { thisProvince: { id, dataVersion } }, errors: [] });

describe("the data-version tracker", () => {
  it("knows nothing before its first round, then one digest for every province's version", async () => {
    const answers: Record<string, GraphQLExchange> = { [routes[0]!.url]: own("lang-son", "a"), [routes[1]!.url]: own("long-an", "b") };
    const { transport, asked } = provinces(answers);
    const tracker = createDataVersionTracker({ routes: () => routes, intervalMs: 1000, timeoutMs: 100, transport });
    expect(tracker.snapshot()).toBeUndefined();
    await tracker.refresh();
    const first = tracker.snapshot()!;
    expect(first.down.size).toBe(0);
    expect(asked).toEqual(routes.map((r) => `${r.url} query __DataVersion__ { thisProvince { id dataVersion } }`));

    await tracker.refresh();
    expect(tracker.snapshot()!.digest).toBe(first.digest);
    answers[routes[1]!.url] = own("long-an", "c");
    await tracker.refresh();
    expect(tracker.snapshot()!.digest).not.toBe(first.digest);
  });

  it("counts a province that does not answer, or answers for another, as down: a digest of its own", async () => {
    const answers: Record<string, GraphQLExchange> = { [routes[0]!.url]: own("lang-son", "a"), [routes[1]!.url]: { ok: false, reason: "unreachable: ECONNREFUSED" } };
    const tracker = createDataVersionTracker({ routes: () => routes, intervalMs: 1000, timeoutMs: 100, transport: provinces(answers).transport });
    await tracker.refresh();
    const down = tracker.snapshot()!;
    expect([...down.down]).toEqual(["long-an"]);
    answers[routes[1]!.url] = own("lang-son", "a");
    await tracker.refresh();
    expect([...tracker.snapshot()!.down]).toEqual(["long-an"]);
    answers[routes[1]!.url] = own("long-an", "b");
    await tracker.refresh();
    expect(tracker.snapshot()!.down.size).toBe(0);
    expect(tracker.snapshot()!.digest).not.toBe(down.digest);
  });

  it("knows nothing again when its last round is older than two intervals (a check that hangs)", async () => {
    let clock = 0;
    const answers = { [routes[0]!.url]: own("lang-son", "a"), [routes[1]!.url]: own("long-an", "b") };
    const tracker = createDataVersionTracker({ routes: () => routes, intervalMs: 1000, timeoutMs: 100, transport: provinces(answers).transport, now: () => clock });
    await tracker.refresh();
    clock += 2100;
    expect(tracker.snapshot()).toBeDefined();
    clock += 1;
    expect(tracker.snapshot()).toBeUndefined();
  });

  it("remembers which provinces failed a request since a moment", () => {
    let clock = 100;
    const tracker = createDataVersionTracker({ routes: () => routes, intervalMs: 1000, timeoutMs: 100, transport: provinces({}).transport, now: () => clock });
    tracker.noteFailure("long-an");
    clock = 200;
    expect(tracker.failedSince(100)).toEqual(["long-an"]);
    expect(tracker.failedSince(101)).toEqual([]);
  });
});
