import { startGateway, type RunningGateway } from "@khcn/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readComparativeQuery } from "./helpers/comparative-query.ts";
import { type HangingServer, startHangingServer } from "./helpers/hanging-server.ts";
import { postQuery } from "./helpers/start-system.ts";

// The comparative query starts at the directory (`provinces`): with the directory hung it used to
// hang for as long as the client waited (> 120 s).
const DIRECTORY_TIMEOUT_MS = 1500;

let directory: HangingServer;
let gateway: RunningGateway;

beforeAll(async () => {
  directory = await startHangingServer();
  gateway = await startGateway({
    config: {
      port: 0,
      directoryUrl: directory.url,
      // No province is needed to show it: the query never gets past the directory.
      provinces: [{ id: "long-an", url: "http://127.0.0.1:1/graphql" }],
      provinceTimeoutMs: 3000,
      contractCheckIntervalMs: 0,
      directoryTimeoutMs: DIRECTORY_TIMEOUT_MS,
    },
    host: "127.0.0.1",
  });
  // The engine's first plan of the query (100–250 ms cold on two busy cores, Hive's Rust planner the
  // slower) comes before any fetch; what is measured below is the directory's timeout.
  await postQuery(gateway.url, await readComparativeQuery());
});

afterAll(async () => {
  await gateway?.stop();
  await directory?.stop();
});

/** The answer and how long it took. */
async function timed<T>(run: () => Promise<T>): Promise<{ result: T; elapsed: number }> {
  const started = performance.now();
  const result = await run();
  return { result, elapsed: performance.now() - started };
}

describe(`the directory hangs (engine: ${process.env.GATEWAY_ENGINE ?? "apollo"})`, () => {
  it("the comparative query fails within the directory's timeout + 10 %, with DIRECTORY_UNAVAILABLE and no internal address", async () => {
    const query = await readComparativeQuery();
    const requestsBefore = directory.requests();
    const { result, elapsed } = await timed(() => postQuery<{ provinces: unknown[] }>(gateway.url, query));

    expect(directory.requests()).toBeGreaterThan(requestsBefore); // it was really asked
    expect(elapsed).toBeGreaterThanOrEqual(DIRECTORY_TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(DIRECTORY_TIMEOUT_MS * 1.1);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: `The directory of provinces is unavailable: no answer within ${DIRECTORY_TIMEOUT_MS} ms`,
        extensions: expect.objectContaining({ code: "DIRECTORY_UNAVAILABLE" }),
      }),
    ]);
    const port = new URL(directory.url).port;
    expect(JSON.stringify(result)).not.toContain(port);
    expect(JSON.stringify(result)).not.toContain("127.0.0.1");
  });

  it("a national figure fails as fast, with the same error", async () => {
    const { result, elapsed } = await timed(() => postQuery(gateway.url, "{ nationalFigure(measure: \"vn.khcn.qms.coverage\", year: 2023) { total { ratio } } }"));
    expect(elapsed).toBeLessThan(DIRECTORY_TIMEOUT_MS * 1.1);
    expect(result.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "DIRECTORY_UNAVAILABLE" }) })]);
    expect(JSON.stringify(result)).not.toContain("127.0.0.1");
  });

  it("readiness answers 503 within the timeout, naming the directory for the operator", async () => {
    const { result: response, elapsed } = await timed(() => fetch(new URL("/health/ready", gateway.url)));
    expect(elapsed).toBeLessThan(DIRECTORY_TIMEOUT_MS * 1.1);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "unready", directory: { state: "unreachable", detail: `no answer within ${DIRECTORY_TIMEOUT_MS} ms` } });
  });
});

describe(`the directory is down (engine: ${process.env.GATEWAY_ENGINE ?? "apollo"})`, () => {
  it("the comparative query fails at once with DIRECTORY_UNAVAILABLE, without the directory's URL", async () => {
    await using down = await startGateway({
      config: {
        port: 0,
        directoryUrl: "http://127.0.0.1:1/graphql",
        provinces: [{ id: "long-an", url: "http://127.0.0.1:1/graphql" }],
        provinceTimeoutMs: 3000,
        contractCheckIntervalMs: 0,
        directoryTimeoutMs: DIRECTORY_TIMEOUT_MS,
      },
      host: "127.0.0.1",
    }).then((g) => ({ ...g, [Symbol.asyncDispose]: g.stop }));
    const result = await postQuery(down.url, await readComparativeQuery());
    expect(result.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^The directory of provinces is unavailable: unreachable/), extensions: expect.objectContaining({ code: "DIRECTORY_UNAVAILABLE" }) }),
    ]);
    expect(JSON.stringify(result)).not.toContain("127.0.0.1");
  });
});
