import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWithRequestId } from "../observability/request-context.ts";
import { listDirectoryProvinces } from "../status/query-directory.ts";
import { DirectoryDataSource } from "./directory-data-source.ts";
import { useDirectoryTimeout } from "./use-directory-timeout.ts";

// A directory that records the headers of each call.
const seen: IncomingHttpHeaders[] = [];
const server = createServer((req, res) => {
  seen.push(req.headers);
  req.resume();
  req.on("end", () => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ data: { provinces: [] } }));
  });
});
let url: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("every call to the directory made for a client's request carries its id", () => {
  it("Hive's directory executor gets the id in extensions.headers, which its HTTP executor sends", async () => {
    let sent: { extensions?: Record<string, unknown> } | undefined;
    let executor: ((request: { document: unknown; extensions?: Record<string, unknown> }) => Promise<unknown>) | undefined;
    const plugin = useDirectoryTimeout({ timeoutMs: 1000 });
    plugin.onSubgraphExecute!({
      subgraphName: "directory",
      executor: async (request: { extensions?: Record<string, unknown> }) => ((sent = request), { data: {} }),
      setExecutor: (next: typeof executor) => void (executor = next),
    } as never);
    await runWithRequestId("abc-123", () => executor!({ document: parse("{ provinces { id } }"), extensions: { other: 1 } }));
    expect(sent?.extensions).toEqual({ other: 1, headers: { "x-request-id": "abc-123" } });
    await executor!({ document: parse("{ provinces { id } }") });
    expect(sent?.extensions).toBeUndefined();
  });

  it("@apollo/gateway's directory data source sets the header", async () => {
    const source = new DirectoryDataSource({ url, timeoutMs: 1000 });
    await runWithRequestId("abc-124", () => source.process({ kind: "incoming operation", request: { query: "{ provinces { id } }", http: { method: "POST", url, headers: new Headers() } }, incomingRequestContext: {}, context: {} } as never));
    expect(seen.at(-1)?.["x-request-id"]).toBe("abc-124");
  });

  it("the national figures' and the status monitor's calls: with the id inside a request, without one outside", async () => {
    await runWithRequestId("abc-125", () => listDirectoryProvinces(url, 1000));
    expect(seen.at(-1)?.["x-request-id"]).toBe("abc-125");
    await listDirectoryProvinces(url, 1000);
    expect(seen.at(-1)?.["x-request-id"]).toBeUndefined();
  });
});
