import { GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphQLHttpServer, type GraphQLHttpServer } from "./create-graphql-http-server.ts";
import { readRequestId, readValidRequestId } from "./request-id.ts";

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      ok: { type: GraphQLString, resolve: () => "ok" },
      broken: {
        type: GraphQLString,
        resolve: () => {
          throw new Error("SQLITE_BUSY: database is locked at /srv/khcn/long-an.sqlite");
        },
      },
    },
  }),
});

const logged: { level: "error" | "debug"; fields: Record<string, unknown>; message: string }[] = [];
let server: GraphQLHttpServer;
let url: string;

beforeAll(async () => {
  server = await createGraphQLHttpServer({
    apollo: { schema },
    context: async () => ({}),
    debug: false,
    logger: { error: (fields, message) => void logged.push({ level: "error", fields, message }), debug: (fields, message) => void logged.push({ level: "debug", fields, message }) },
  });
  url = await server.listen(0, "127.0.0.1");
});
afterAll(() => server?.stop());

const ask = (query: string, headers: Record<string, string> = {}) => fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });

describe("a subgraph and the gateway's request id", () => {
  it("answers the gateway's x-request-id back, and logs each error it answers with it, without file paths", async () => {
    const response = await ask("query Figures { ok broken }", { "x-request-id": "abc-123" });
    expect(response.headers.get("x-request-id")).toBe("abc-123");
    expect(logged.at(-1)).toEqual({ level: "error", fields: { requestId: "abc-123", code: "INTERNAL_SERVER_ERROR", operationName: "Figures", path: "broken" }, message: "SQLITE_BUSY: database is locked at <path>" });
  });

  it("a client's mistake is logged at debug; an id unfit for a log line is neither kept nor answered", async () => {
    const response = await ask("{ nothing }", { "x-request-id": "a b" });
    expect(response.headers.get("x-request-id")).toBeNull();
    expect(logged.at(-1)).toMatchObject({ level: "debug", fields: { code: "GRAPHQL_VALIDATION_FAILED" } });
    expect(logged.at(-1)!.fields).not.toHaveProperty("requestId");
  });

  it("keeps a valid id, else makes one", () => {
    expect(readValidRequestId("req.1:2_3")).toBe("req.1:2_3");
    expect(readValidRequestId(["abc-123", "x"])).toBe("abc-123");
    for (const unfit of [undefined, null, "", "has space", 'a"b', "x".repeat(129), "ký-tự"]) expect(readValidRequestId(unfit)).toBeUndefined();
    expect(readRequestId("a b")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
