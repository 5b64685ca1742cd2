import { DEFAULT_RESPONSE_CACHE } from "@khcn/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ComparativeAnswer, provinceOf, readComparativeQuery } from "./helpers/comparative-query.ts";
import { type HangingServer, startHangingServer } from "./helpers/hanging-server.ts";
import { type RunningSystem, startSystem } from "./helpers/start-system.ts";

// Long An hangs (the gateway's start waits out one contract check of it), and its own timeout is longer than the request's deadline: only the request's deadline, or its client leaving, ends its call.
const PROVINCE_TIMEOUT_MS = 6000;
const REQUEST_TIMEOUT_MS = 2000;

let hanging: HangingServer;
let system: RunningSystem;
let query: string;

beforeAll(async () => {
  hanging = await startHangingServer();
  system = await startSystem({
    routeElsewhere: { "long-an": hanging.url },
    provinceTimeoutMs: PROVINCE_TIMEOUT_MS,
    gateway: { requestTimeoutMs: REQUEST_TIMEOUT_MS, responseCache: { ...DEFAULT_RESPONSE_CACHE, kind: "off" } },
  });
  query = await readComparativeQuery();
});

afterAll(async () => {
  await system?.stop();
  await hanging?.stop();
});

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
}

describe("a request nobody waits for any more stops asking the provinces", () => {
  it("a client that leaves cancels its province calls: the hung province's connection closes at once", async () => {
    const asked = hanging.requests();
    const leave = new AbortController();
    const pending = fetch(system.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }), signal: leave.signal }).catch(() => "left");
    expect(await waitFor(() => hanging.requests() > asked, 5000)).toBe(true);
    expect(hanging.openConnections()).toBeGreaterThan(0);
    leave.abort();
    expect(await pending).toBe("left");
    // Long before its own timeout, and before the request's deadline.
    expect(await waitFor(() => hanging.openConnections() === 0, REQUEST_TIMEOUT_MS / 2)).toBe(true);
  });

  it("past the request's deadline the hung province is cancelled, and the others are answered whole", async () => {
    const { data, errors } = await system.query<ComparativeAnswer>(query);
    expect(provinceOf(data, "lang-son").tasks?.length).toBeGreaterThan(0);
    expect(provinceOf(data, "bac-giang").documents?.length).toBeGreaterThan(0);
    expect(provinceOf(data, "long-an").budgets).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: "PROVINCE_UNAVAILABLE", province: { id: "long-an", name: "Long An" }, reason: `cancelled: the request's deadline of ${REQUEST_TIMEOUT_MS} ms passed` }),
      }),
    ]);
    expect(await waitFor(() => hanging.openConnections() === 0, 1000)).toBe(true);
  });
});
