import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
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
});
