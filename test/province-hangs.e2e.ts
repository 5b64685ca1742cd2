import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ComparativeAnswer, provinceOf, readComparativeQuery } from "./helpers/comparative-query.ts";
import { type HangingServer, startHangingServer } from "./helpers/hanging-server.ts";
import { type RunningSystem, startSystem } from "./helpers/start-system.ts";

const TIMEOUT_MS = 800;

let hanging: HangingServer;
let system: RunningSystem;

beforeAll(async () => {
  // Long An's route leads to a server that accepts the connection and never answers.
  hanging = await startHangingServer();
  system = await startSystem({ routeElsewhere: { "long-an": hanging.url }, provinceTimeoutMs: TIMEOUT_MS });
});

afterAll(async () => {
  await system?.stop();
  await hanging?.stop();
});

describe("Long An hangs", () => {
  it("the comparative query comes back within the province timeout, with the other provinces' figures", async () => {
    const query = await readComparativeQuery();
    const requestsBefore = hanging.requests();
    const started = performance.now();
    const { data, errors } = await system.query<ComparativeAnswer>(query);
    const elapsed = performance.now() - started;

    expect(hanging.requests()).toBe(requestsBefore + 1); // it was really asked, once
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 1500);
    expect(provinceOf(data, "lang-son").tasks).toHaveLength(5);
    expect(provinceOf(data, "bac-giang").documents).toHaveLength(1);
    expect(provinceOf(data, "long-an")).toMatchObject({ name: "Long An", budgets: null });
    expect(errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining("Long An"),
        extensions: expect.objectContaining({ code: "PROVINCE_UNAVAILABLE", province: { id: "long-an", name: "Long An" }, reason: `no answer within ${TIMEOUT_MS} ms` }),
      }),
    ]);
  });
});
