import { composeServices } from "@apollo/composition";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { createGraphQLHttpServer, type GraphQLHttpServer } from "@khcn/shared/server";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvinceRouter } from "./create-province-router.ts";
import { startTestProvince, type TestProvince, testProvinceSdl } from "./testing/start-test-province.ts";

// A directory like the ministry's: the entry point `provinces`, with names; Tây Ninh has no subgraph.
const directorySdl = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { provinces: [Province!]! }
  type Province @key(fields: "id") { id: ID! name: String! }
`;
const registry = [
  { id: "lang-son", name: "Lạng Sơn" },
  { id: "long-an", name: "Long An" },
  { id: "bac-giang", name: "Bắc Giang" },
  { id: "tay-ninh", name: "Tây Ninh" },
];

const comparativeQuery = "{ provinces { id name budget(year: 2024) servedBy } }";

let directory: GraphQLHttpServer;
let lạngSơn: TestProvince;
let longAn: TestProvince;
let bắcGiang: TestProvince;
let gateway: ApolloServer;

beforeAll(async () => {
  directory = await createGraphQLHttpServer({
    apollo: {
      schema: buildSubgraphSchema({ typeDefs: parse(directorySdl), resolvers: { Query: { provinces: () => registry } } }),
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    },
    context: async () => ({}),
  });
  const directoryUrl = await directory.listen(0, "127.0.0.1");
  [lạngSơn, longAn, bắcGiang] = await Promise.all([
    startTestProvince({ id: "lang-son", name: "Lạng Sơn", budget: 42.1 }),
    startTestProvince({ id: "long-an", name: "Long An", budget: 41.612 }),
    startTestProvince({ id: "bac-giang", name: "Bắc Giang", budget: 55.3 }),
  ]);

  const { supergraphSdl, errors } = composeServices([
    { name: "directory", typeDefs: parse(directorySdl), url: directoryUrl },
    // The province subgraph's URL is never called: buildService replaces it with the router.
    { name: "province", typeDefs: parse(testProvinceSdl), url: "http://province-router.invalid/graphql" },
  ]);
  expect(errors).toBeUndefined();
  const router = createProvinceRouter({ provinces: [lạngSơn.route, longAn.route, bắcGiang.route], contractSdl: testProvinceSdl, timeoutMs: 1000 });
  gateway = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl: supergraphSdl as string,
      buildService: ({ name, url }) => (name === "province" ? router : new RemoteGraphQLDataSource({ url })),
    }),
  });
  await gateway.start();
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all([directory, lạngSơn, longAn, bắcGiang].map((s) => s?.stop()));
});

async function askGateway(query: string) {
  const response = await gateway.executeOperation({ query });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return response.body.singleResult as { data?: { provinces: Record<string, unknown>[] }; errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] };
}

describe("@apollo/gateway with the province router as the province subgraph", () => {
  it("answers the comparative query from every province's own server, in the directory's order", async () => {
    const { data, errors } = await askGateway(comparativeQuery);
    expect(errors).toBeUndefined();
    expect(data?.provinces).toEqual([
      { id: "lang-son", name: "Lạng Sơn", budget: 42.1, servedBy: "lang-son" },
      { id: "long-an", name: "Long An", budget: 41.612, servedBy: "long-an" },
      { id: "bac-giang", name: "Bắc Giang", budget: 55.3, servedBy: "bac-giang" },
      { id: "tay-ninh", name: "Tây Ninh", budget: null, servedBy: null },
    ]);
  });

  it("Long An is down; the answer keeps Lạng Sơn and Bắc Giang and names Long An at its place in provinces", async () => {
    await longAn.stop();
    const { data, errors } = await askGateway(comparativeQuery);
    expect(data?.provinces).toEqual([
      { id: "lang-son", name: "Lạng Sơn", budget: 42.1, servedBy: "lang-son" },
      { id: "long-an", name: "Long An", budget: null, servedBy: null },
      { id: "bac-giang", name: "Bắc Giang", budget: 55.3, servedBy: "bac-giang" },
      { id: "tay-ninh", name: "Tây Ninh", budget: null, servedBy: null },
    ]);
    expect(errors).toEqual([
      {
        message: expect.stringMatching(/^Province Long An \(long-an\) is unavailable: unreachable: .*ECONNREFUSED/),
        path: ["provinces", 1],
        extensions: expect.objectContaining({ code: "PROVINCE_UNAVAILABLE", province: { id: "long-an", name: "Long An" }, serviceName: "province" }),
      },
    ]);
  });

  it("with Long An still down, Bắc Giang returns an error for its budget; the client sees each at its own province", async () => {
    bắcGiang.behave("budget-error");
    try {
      const { data, errors } = await askGateway("{ provinces { id budget(year: 2024) } }");
      expect(data?.provinces[0]).toEqual({ id: "lang-son", budget: 42.1 });
      expect(data?.provinces[2]).toEqual({ id: "bac-giang", budget: null });
      expect(errors).toEqual([
        expect.objectContaining({ path: ["provinces", 1], extensions: expect.objectContaining({ code: "PROVINCE_UNAVAILABLE" }) }),
        expect.objectContaining({
          message: "Bắc Giang's budget table is locked",
          path: ["provinces", 2, "budget"],
          extensions: expect.objectContaining({ code: "PROVINCE_ERROR", province: { id: "bac-giang", name: "Bắc Giang" } }),
        }),
      ]);
    } finally {
      bắcGiang.behave("answer");
    }
  });
});
