import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_RESPONSE_CACHE, type RunningGateway, startGateway } from "@khcn/gateway";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ComparativeAnswer, provinceOf, readComparativeQuery } from "./helpers/comparative-query.ts";
import { type CountingProxy, startCountingProxy } from "./helpers/counting-proxy.ts";
import { type ProvinceProcess, startProvinceProcess } from "./helpers/province-process.ts";
import { type GraphQLAnswer, type RunningSystem, startSystem } from "./helpers/start-system.ts";

// The breaker counts requests that reach the router: none is answered from the response cache here.
const NO_CACHE = { ...DEFAULT_RESPONSE_CACHE, kind: "off" as const };

const FAILURES = 3;
const COOLDOWN_MS = 2000;

interface ReadyProvince {
  id: string;
  state: string;
  detail?: string;
  routed: boolean;
  circuit?: { state: string; failures: number; retryInMs?: number };
}

let workDir: string;
let longAn: ProvinceProcess;
let proxy: CountingProxy;
let system: RunningSystem;
let query: string;
let healthy: ComparativeAnswer;

beforeAll(async () => {
  query = await readComparativeQuery();
  workDir = await mkdtemp(join(tmpdir(), "khcn-breaker-"));
  // Long An runs as its own OS process, behind a proxy that counts what the gateway sends it.
  longAn = await startProvinceProcess({ provinceId: "long-an", sqliteFile: join(workDir, "long-an.sqlite") });
  proxy = await startCountingProxy(longAn.url);
  system = await startSystem({ routeElsewhere: { "long-an": proxy.url }, gateway: { provinceBreakerFailures: FAILURES, provinceBreakerCooldownMs: COOLDOWN_MS, responseCache: NO_CACHE } });
  const before = await system.query<ComparativeAnswer>(query);
  expect(before.errors).toBeUndefined();
  healthy = before.data!;
});

afterAll(async () => {
  await system?.stop();
  await proxy?.stop();
  await longAn?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** /health/ready as it is now: no contract check is run for it. */
async function readiness(gatewayUrl = system.gatewayUrl): Promise<Record<string, ReadyProvince>> {
  const body = (await (await fetch(new URL("/health/ready", gatewayUrl))).json()) as { provinces: ReadyProvince[] };
  return Object.fromEntries(body.provinces.map((p) => [p.id, p]));
}

async function timedQuery(url = system.gatewayUrl): Promise<{ answer: GraphQLAnswer<ComparativeAnswer>; elapsed: number }> {
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const answer = (await response.json()) as GraphQLAnswer<ComparativeAnswer>;
  return { answer, elapsed: performance.now() - started };
}

function expectOthersComplete(answer: GraphQLAnswer<ComparativeAnswer>, ...ids: string[]): void {
  for (const id of ids) expect(provinceOf(answer.data, id), id).toEqual(provinceOf(healthy, id));
}

describe(`Long An's process is killed (engine: ${process.env.GATEWAY_ENGINE ?? "apollo"})`, () => {
  it(`after ${FAILURES} failed requests its circuit opens: it is answered at once, without being asked, and /health/ready says so`, async () => {
    await longAn.kill();
    const asked = proxy.entityRequests();

    // Each failed request is a request Long An was sent.
    let reason = "";
    for (let i = 0; i < FAILURES + 2 && !reason.startsWith("circuit open"); i++) {
      const { answer } = await timedQuery();
      expectOthersComplete(answer, "lang-son", "bac-giang");
      reason = String(answer.errors?.[0]?.extensions?.reason);
    }
    expect(reason).toMatch(/^circuit open, retrying in \d s$/);
    expect(proxy.entityRequests() - asked).toBe(FAILURES);

    const { answer, elapsed } = await timedQuery();
    expect(proxy.entityRequests() - asked).toBe(FAILURES); // not asked again
    expect(elapsed).toBeLessThan(500);
    expectOthersComplete(answer, "lang-son", "bac-giang");
    expect(provinceOf(answer.data, "long-an")).toMatchObject({ name: "Long An", budgets: null, tasks: null });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: "PROVINCE_UNAVAILABLE", province: { id: "long-an", name: "Long An" }, reason: expect.stringMatching(/^circuit open, retrying in [12] s$/) }),
      }),
    ]);

    expect((await readiness())["long-an"]).toMatchObject({
      state: "circuit-open",
      routed: true,
      detail: expect.stringMatching(/^circuit open after 3 failed requests in a row \(last: unreachable/),
      circuit: { state: "open", failures: FAILURES },
    });
  });

  it("once it is back, after the cool-down one request probes it and it is complete again, without restarting the gateway", async () => {
    longAn = await startProvinceProcess({ provinceId: "long-an", sqliteFile: join(workDir, "long-an.sqlite"), port: longAn.port });
    const retryInMs = (await readiness())["long-an"]?.circuit?.retryInMs ?? 0;
    await new Promise((resolve) => setTimeout(resolve, retryInMs + 100));

    const asked = proxy.entityRequests();
    const { answer } = await timedQuery();
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual(healthy);
    expect(proxy.entityRequests() - asked).toBe(1);
    // The circuit's change re-checks the provinces at once: no wait for the next scheduled check.
    await vi.waitFor(async () => expect((await readiness())["long-an"]).toMatchObject({ state: "ok", circuit: { state: "closed", failures: 0 } }), { timeout: 3000, interval: 100 });
  });
});

describe("routes the contract check takes out of routing at start", () => {
  let gateway: RunningGateway;
  let drifted: { url: string; entityRequests: number; stop(): Promise<void> };

  beforeAll(async () => {
    // Bắc Giang's server serves a Float where the contract has Vnd.
    const contract = await readFile(new URL("../subgraphs/province/schema.graphql", import.meta.url), "utf8");
    const sdl = contract.replace(/(amountVnd: )Vnd/, "$1Float");
    let entityRequests = 0;
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        if (body.includes("_entities")) entityRequests += 1;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ data: { _service: { sdl }, thisProvince: { id: "bac-giang" } } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    drifted = {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
      get entityRequests() {
        return entityRequests;
      },
      stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
    gateway = await startGateway({
      config: {
        port: 0,
        directoryUrl: system.directoryUrl,
        provinces: [
          { id: "lang-son", url: system.provinceUrls["lang-son"] },
          // A mistake in the routing table: Long An's entry leads to Lạng Sơn's server.
          { id: "long-an", url: system.provinceUrls["lang-son"] },
          { id: "bac-giang", url: drifted.url },
        ],
        provinceTimeoutMs: 3000,
        contractCheckIntervalMs: 0,
      },
      host: "127.0.0.1",
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await drifted?.stop();
  });

  it("/health/ready reports the misrouted and the drifted province out of routing, from the start", async () => {
    const ready = await readiness(gateway.url);
    expect(ready["lang-son"]).toMatchObject({ state: "ok", routed: true });
    expect(ready["long-an"]).toMatchObject({ state: "wrong-province", routed: false, detail: 'the server at this route answers for "lang-son", not "long-an"' });
    expect(ready["bac-giang"]).toMatchObject({ state: "drift", routed: false, detail: expect.stringMatching(/amountVnd' changed type from 'Vnd' to 'Float'/) });
  });

  it("the comparative query has Lạng Sơn in full, and the two others null at once with an error naming why, neither asked", async () => {
    const { answer } = await timedQuery(gateway.url);
    expectOthersComplete(answer, "lang-son");
    expect(provinceOf(answer.data, "long-an").tasks).toBeNull();
    expect(provinceOf(answer.data, "bac-giang").budgets).toBeNull();
    expect(answer.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          extensions: expect.objectContaining({ code: "PROVINCE_UNAVAILABLE", province: { id: "long-an", name: "Long An" }, reason: 'its route leads to the server of another province ("lang-son")' }),
        }),
        expect.objectContaining({
          message: expect.stringContaining("Bắc Giang"),
          extensions: expect.objectContaining({ code: "PROVINCE_CONTRACT_DRIFT", province: { id: "bac-giang", name: "Bắc Giang" }, reason: expect.stringMatching(/^its schema breaks the contract: .*amountVnd' changed type from 'Vnd' to 'Float'/) }),
        }),
      ]),
    );
    expect(answer.errors).toHaveLength(2);
    expect(drifted.entityRequests).toBe(0);
  });
});
