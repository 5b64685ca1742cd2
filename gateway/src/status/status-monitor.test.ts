import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createProvinceBreakers } from "../resilience/create-province-breakers.ts";
import { createStatusMonitor } from "./create-status-monitor.ts";

const contractSdl = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Province @key(fields: "id") { id: ID! budget: Float }
`;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A fake GraphQL server answering every POST with `answer(query)`. */
async function serve(answer: (query: string) => unknown): Promise<string> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(answer((JSON.parse(body) as { query: string }).query)));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

describe("the gateway's view of the provinces", () => {
  it("names each province as the directory does, and reports those with a subgraph but no route", async () => {
    const directoryUrl = await serve(() => ({
      data: { provinces: [{ id: "long-an", name: "Long An", hasSubgraph: true }, { id: "lang-son", name: "Lạng Sơn", hasSubgraph: true }] },
    }));
    const provinceUrl = await serve(() => ({ data: { _service: { sdl: contractSdl } } }));
    const monitor = createStatusMonitor({ directoryUrl, provinces: [{ id: "long-an", url: provinceUrl }], contractSdl, timeoutMs: 1000, intervalMs: 0 });
    expect(monitor.routes()).toEqual([{ id: "long-an", name: "long-an", url: provinceUrl }]);
    expect(monitor.provinceStatuses()[0]?.state).toBe("unchecked");

    await monitor.refresh();

    expect(monitor.routes()).toEqual([{ id: "long-an", name: "Long An", url: provinceUrl }]);
    expect(monitor.provinceStatuses()).toEqual([expect.objectContaining({ id: "long-an", name: "Long An", state: "ok" })]);
    expect(monitor.unrouted()).toEqual(["lang-son"]);
  });

  it("keeps the id as the name while the directory is down, and reports drift and unreachable provinces once", async () => {
    const warnings: string[] = [];
    const drifted = await serve(() => ({ data: { _service: { sdl: contractSdl.replace("budget: Float", "budget: Int") } } }));
    const monitor = createStatusMonitor({
      directoryUrl: "http://127.0.0.1:1/graphql",
      provinces: [
        { id: "lang-son", url: drifted },
        { id: "long-an", url: "http://127.0.0.1:1/graphql" },
      ],
      contractSdl,
      timeoutMs: 1000,
      intervalMs: 0,
      logger: { warn: (message) => warnings.push(message) },
    });
    await monitor.refresh();
    await monitor.refresh();

    expect(monitor.provinceStatuses().map(({ id, name, state }) => ({ id, name, state }))).toEqual([
      { id: "lang-son", name: "lang-son", state: "drift" },
      { id: "long-an", name: "long-an", state: "unreachable" },
    ]);
    expect(monitor.provinceStatuses()[0]?.detail).toContain("budget");
    expect(warnings.filter((w) => w.startsWith("province "))).toHaveLength(2);
  });

  it("takes a province whose schema breaks the contract out of the routing table, until a check finds it fixed", async () => {
    let served = contractSdl.replace("budget: Float", "budget: String");
    const warnings: string[] = [];
    const infos: string[] = [];
    const provinceUrl = await serve(() => ({ data: { _service: { sdl: served } } }));
    const monitor = createStatusMonitor({
      directoryUrl: "http://127.0.0.1:1/graphql",
      provinces: [{ id: "long-an", url: provinceUrl }],
      contractSdl,
      timeoutMs: 1000,
      intervalMs: 0,
      logger: { warn: (m) => warnings.push(m), info: (m) => infos.push(m) },
    });
    await monitor.refresh();
    expect(monitor.routes()).toEqual([
      { id: "long-an", name: "long-an", url: provinceUrl, excluded: { code: "PROVINCE_CONTRACT_DRIFT", reason: "its schema breaks the contract: Field 'Province.budget' changed type from 'Float' to 'String'" } },
    ]);
    expect(monitor.provinceStatuses()).toEqual([expect.objectContaining({ state: "drift", routed: false })]);
    expect(warnings.filter((w) => w.startsWith("province "))).toEqual([expect.stringContaining("out of routing until a check finds it fixed")]);

    served = contractSdl.replace("type Province", '"A province" type Province');
    await monitor.refresh();
    expect(monitor.routes()).toEqual([{ id: "long-an", name: "long-an", url: provinceUrl }]);
    expect(monitor.provinceStatuses()).toEqual([expect.objectContaining({ state: "ok", routed: true, changes: ["Object type 'Province' has description 'A province'"] })]);
    expect(infos).toEqual([expect.stringContaining("ok, routed again")]);
  });

  it("shows a province's circuit as it changes, logs each change once, and re-checks the provinces at once", async () => {
    let sdlRequests = 0;
    const provinceUrl = await serve(() => {
      sdlRequests += 1;
      return { data: { _service: { sdl: contractSdl } } };
    });
    const warnings: string[] = [];
    const breakers = createProvinceBreakers({ failures: 2, cooldownMs: 60_000 });
    const monitor = createStatusMonitor({
      directoryUrl: "http://127.0.0.1:1/graphql",
      provinces: [{ id: "long-an", url: provinceUrl }],
      contractSdl,
      timeoutMs: 1000,
      intervalMs: 0,
      breakers,
      logger: { warn: (m) => warnings.push(m) },
    });
    await monitor.refresh();
    expect(monitor.provinceStatuses()).toEqual([expect.objectContaining({ state: "ok", routed: true, circuit: { state: "closed", failures: 0 } })]);

    const send = breakers.wrap(async () => ({ ok: false, reason: "HTTP 503" }));
    for (let i = 0; i < 5; i++) await send(provinceUrl, { query: "{ __typename }" }, 1000);

    const [status] = monitor.provinceStatuses();
    expect(status).toMatchObject({ state: "circuit-open", routed: true, circuit: { state: "open", failures: 2, lastFailure: "HTTP 503" } });
    expect(status?.detail).toMatch(/^circuit open after 2 failed requests in a row \(last: HTTP 503\); retrying in (59|60) s$/);
    expect(warnings.filter((w) => w.includes("circuit"))).toHaveLength(1);
    await vi.waitFor(() => expect(sdlRequests).toBe(2));
  });
});
