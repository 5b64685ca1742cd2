import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import { buildProvinceSchema } from "@khcn/province";
import { createGraphQLHttpServer } from "@khcn/shared/server";
import { parse } from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import { oldTestProvinceSdl, startTestProvince, type TestProvince, testProvinceSdl } from "../province-router/testing/start-test-province.ts";
import { checkProvinceContracts } from "./check-province-contracts.ts";

const contractSdl = printSubgraphSchema(buildSubgraphSchema(parse(testProvinceSdl)));
const committedContract = await readFile(new URL("../../../subgraphs/province/schema.graphql", import.meta.url), "utf8");
const started: { stop(): Promise<void> }[] = [];

async function start(options: Parameters<typeof startTestProvince>[0]): Promise<TestProvince> {
  const province = await startTestProvince(options);
  started.push(province);
  return province;
}

/** The real province subgraph's schema, served in this process as the province `provinceId`. */
async function startRealProvince(provinceId: string): Promise<string> {
  const server = await createGraphQLHttpServer({
    apollo: { schema: await buildProvinceSchema(), plugins: [ApolloServerPluginInlineTraceDisabled()] },
    // `_service` and `thisProvince` need only the province's id, no database.
    context: async () => ({ provinceId }),
  });
  started.push(server);
  return server.listen(0, "127.0.0.1");
}

/** A province that serves this SDL and says it is `id`, as `{ _service { sdl } thisProvince { id } }` asks. */
async function startFakeProvince(sdl: string, id: string): Promise<string> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const { query } = JSON.parse(body) as { query: string };
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ data: { _service: { sdl }, ...(query.includes("thisProvince") ? { thisProvince: { id } } : {}) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  started.push({ stop: () => new Promise<void>((resolve) => server.close(() => resolve())) });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
});

describe("checking the provinces against the contract", () => {
  it("reports, in table order, a province on the contract, one that lacks a field (breaking), and one that is down", async () => {
    const lạngSơn = await start({ id: "lang-son", name: "Lạng Sơn", budget: 1 });
    const longAn = await start({ id: "long-an", name: "Long An", budget: 1, sdl: oldTestProvinceSdl });
    const bắcGiang = await startTestProvince({ id: "bac-giang", name: "Bắc Giang", budget: 1 });
    await bắcGiang.stop();

    const reports = await checkProvinceContracts({ provinces: [lạngSơn.route, longAn.route, bắcGiang.route], contractSdl });
    expect(reports).toEqual([
      { province: lạngSơn.route, status: "ok" },
      {
        province: longAn.route,
        status: "drift",
        difference: "Field 'budget' was removed from object type 'Province'",
        breaking: ["Field 'budget' was removed from object type 'Province'"],
        // The old SDL also lacks servedBy's description: safe, but listed.
        changes: ["Description was removed from field 'Province.servedBy'"],
      },
      { province: bắcGiang.route, status: "unreachable", reason: expect.stringMatching(/^unreachable: .*ECONNREFUSED/) },
    ]);
  });

  it("gives a hanging province the timeout, and reports it unreachable", async () => {
    const longAn = await start({ id: "long-an", name: "Long An", budget: 1, behaviour: "hang" });
    const startedAt = performance.now();
    const [report] = await checkProvinceContracts({ provinces: () => [longAn.route], contractSdl, timeoutMs: 500 });
    expect(performance.now() - startedAt).toBeLessThan(500 + 2000);
    expect(report).toEqual({ province: longAn.route, status: "unreachable", reason: "no answer within 500 ms" });
  });

  it("finds the real province subgraph on its committed contract, answering for its own id (federation's own definitions do not count as drift)", async () => {
    const url = await startRealProvince("long-an");
    const reports = await checkProvinceContracts({ provinces: [{ id: "long-an", name: "Long An", url }], contractSdl: committedContract });
    expect(reports).toEqual([{ province: { id: "long-an", name: "Long An", url }, status: "ok" }]);
  });

  it("catches a routing table entry that leads to another province's server", async () => {
    const lạngSơnServer = await startRealProvince("lang-son");
    const route = { id: "long-an", name: "Long An", url: lạngSơnServer };
    const [report] = await checkProvinceContracts({ provinces: [route], contractSdl: committedContract });
    expect(report).toEqual({ province: route, status: "wrong-province", answersFor: "lang-son", reason: 'the server at this route answers for "lang-son", not "long-an"' });
  });

  it("takes a province that serves a Float where the contract has Vnd for a drift, naming the field", async () => {
    const drifted = committedContract.replace(/(amountVnd: )Vnd/, "$1Float");
    expect(drifted).not.toBe(committedContract);
    const url = await startFakeProvince(drifted, "long-an");
    const [report] = await checkProvinceContracts({ provinces: [{ id: "long-an", name: "Long An", url }], contractSdl: committedContract });
    expect(report).toMatchObject({ status: "drift", breaking: [expect.stringMatching(/^Field '\w+\.amountVnd' changed type from 'Vnd' to 'Float'$/)] });
  });

  it("keeps a province with safe changes only (a description, an added field) on the contract, and lists them", async () => {
    const changed = committedContract.replace("type Province\n  @key(fields: \"id\")\n{\n  id: ID!", "type Province\n  @key(fields: \"id\")\n{\n  id: ID!\n  motto: String");
    expect(changed).not.toBe(committedContract);
    const url = await startFakeProvince(changed.replace("Key tasks and S&T projects", "Key tasks and S&T projects of the year"), "long-an");
    const [report] = await checkProvinceContracts({ provinces: [{ id: "long-an", name: "Long An", url }], contractSdl: committedContract });
    expect(report).toEqual({
      province: expect.anything(),
      status: "ok",
      changes: expect.arrayContaining(["Field 'motto' was added to object type 'Province'", expect.stringContaining("Field 'Province.tasks' description changed")]),
    });
  });

  it("takes a province without thisProvince (it cannot say whom it serves) for a drift", async () => {
    const url = await startFakeProvince(committedContract.replace(/\n  thisProvince: Province! @inaccessible/, "\n  other: String @inaccessible"), "long-an");
    const [report] = await checkProvinceContracts({ provinces: [{ id: "long-an", name: "Long An", url }], contractSdl: committedContract });
    expect(report).toMatchObject({ status: "drift", breaking: expect.arrayContaining(["Field 'thisProvince' was removed from object type 'Query'"]) });
  });
});
