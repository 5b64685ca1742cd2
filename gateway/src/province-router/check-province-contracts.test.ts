import { readFile } from "node:fs/promises";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { printSubgraphSchema, buildSubgraphSchema } from "@apollo/subgraph";
import { buildProvinceSchema } from "@khcn/province";
import { createGraphQLHttpServer } from "@khcn/shared";
import { parse } from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import { checkProvinceContracts } from "./check-province-contracts.ts";
import { describeSdlDifference, normalizeSubgraphSdl } from "./compare-sdl.ts";
import { oldTestProvinceSdl, startTestProvince, type TestProvince, testProvinceSdl } from "./testing/start-test-province.ts";

const contractSdl = printSubgraphSchema(buildSubgraphSchema(parse(testProvinceSdl)));
const started: { stop(): Promise<void> }[] = [];

async function start(options: Parameters<typeof startTestProvince>[0]): Promise<TestProvince> {
  const province = await startTestProvince(options);
  started.push(province);
  return province;
}

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
});

describe("checking the provinces against the contract", () => {
  it("reports, in table order, a province on the contract, one on an older version, and one that is down", async () => {
    const lạngSơn = await start({ id: "lang-son", name: "Lạng Sơn", budget: 1 });
    const longAn = await start({ id: "long-an", name: "Long An", budget: 1, sdl: oldTestProvinceSdl });
    const bắcGiang = await startTestProvince({ id: "bac-giang", name: "Bắc Giang", budget: 1 });
    await bắcGiang.stop();

    const reports = await checkProvinceContracts({ provinces: [lạngSơn.route, longAn.route, bắcGiang.route], contractSdl });
    expect(reports).toEqual([
      { province: lạngSơn.route, status: "ok" },
      { province: longAn.route, status: "drift", difference: "lacks Province.budget" },
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

  it("finds the real province subgraph on its committed contract (federation's own definitions do not count as drift)", async () => {
    const server = await createGraphQLHttpServer({
      apollo: { schema: await buildProvinceSchema(), plugins: [ApolloServerPluginInlineTraceDisabled()] },
      context: async () => ({}),
    });
    started.push(server);
    const url = await server.listen(0, "127.0.0.1");
    const committed = await readFile(new URL("../../../subgraphs/province/schema.graphql", import.meta.url), "utf8");
    const reports = await checkProvinceContracts({ provinces: [{ id: "long-an", name: "Long An", url }], contractSdl: committed });
    expect(reports).toEqual([{ province: { id: "long-an", name: "Long An", url }, status: "ok" }]);
  });
});

describe("describing a drift", () => {
  const contract = normalizeSubgraphSdl(`
    type Province @key(fields: "id") { id: ID! "in billion đồng" budget(year: Int): Float tasks: [String!] }
    enum Phase { REQUESTED ALLOCATED }
  `);

  it("names what the province lacks, adds or changes, and ignores the order of definitions", () => {
    const served = normalizeSubgraphSdl(`
      enum Phase { REQUESTED ALLOCATED DISBURSED }
      type Province @key(fields: "id") { id: ID! budget(year: Int!): Float servedBy: String }
      scalar Vnd
    `);
    expect(describeSdlDifference(contract, served)).toEqual([
      "adds Phase.DISBURSED",
      "changes Province.budget: the contract has `budget(year: Int): Float`, the province `budget(year: Int!): Float`",
      "lacks Province.tasks",
      "adds Province.servedBy",
      "adds scalar Vnd",
    ]);
  });

  it("reports a changed description or directive on a type that has the same fields", () => {
    const served = normalizeSubgraphSdl(`
      enum Phase { REQUESTED ALLOCATED }
      type Province @key(fields: "id") { id: ID! "in đồng" budget(year: Int): Float tasks: [String!] }
    `);
    expect(describeSdlDifference(contract, served)).toEqual(["changes type Province (descriptions, directives or order)"]);
    expect(describeSdlDifference(contract, contract)).toEqual([]);
  });
});
