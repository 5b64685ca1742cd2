import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphQLHttpServer, type GraphQLHttpServer } from "./create-graphql-http-server.ts";
import { defaultOperationLimits } from "./operation-limits.ts";
import { PartialDateScalar } from "./scalars.ts";

// A schema with a cycle (a node's `next`), so a deep query is a valid one, and a `_entities` field
// like a subgraph's; every resolver counts its calls, so a refusal can be shown to run none.
let resolved = 0;
const Node: GraphQLObjectType = new GraphQLObjectType({
  name: "Node",
  fields: () => ({
    id: { type: GraphQLInt },
    next: { type: Node, resolve: ({ id }: { id: number }) => (resolved++, { id: id + 1 }) },
    on: { type: GraphQLString, args: { date: { type: PartialDateScalar } }, resolve: (_node, { date }: { date: string }) => date },
    path: {
      type: GraphQLString,
      resolve: () => {
        throw new Error("ENOENT: no such file or directory, open '/srv/khcn/subgraphs/province/.data/long-an.sqlite'");
      },
    },
  }),
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      node: { type: Node, resolve: () => (resolved++, { id: 1 }) },
      _entities: {
        type: new GraphQLList(Node),
        args: { representations: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))) } },
        resolve: (_root, { representations }: { representations: string[] }) => (resolved++, representations.map((_r, id) => ({ id }))),
      },
    },
  }),
});

let server: GraphQLHttpServer;
let url: string;

beforeAll(async () => {
  // NODE_ENV is "test" under vitest; Apollo includes stack traces whenever it is unset, as under `npm start`.
  const nodeEnv = process.env.NODE_ENV;
  delete process.env.NODE_ENV;
  try {
    server = await createGraphQLHttpServer({ apollo: { schema }, context: async () => ({}), limits: defaultOperationLimits });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  url = await server.listen(0, "127.0.0.1");
});
afterAll(() => server?.stop());

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(body: string, contentType = "application/json"): Promise<Answer> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": contentType }, body });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer["body"] };
}
const ask = (query: string, variables?: Record<string, unknown>) => post(JSON.stringify({ query, variables }));

/** An attack is refused with one error naming the limit and its value, and no resolver runs. */
async function expectRefused(answer: Promise<Answer>, code: string, limit: number) {
  const before = resolved;
  const { status, body } = await answer;
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  expect(body.errors![0]!.extensions).toMatchObject({ code, limit });
  expect(body.errors![0]!.message).toContain(String(limit));
  expect(resolved).toBe(before);
}

/** `{ node { next { … id } } }`, `depth` levels counting the leaf, as graphql-armor counts. */
const nested = (depth: number) => `{ node { ${"next { ".repeat(depth - 2)}id${" }".repeat(depth - 2)} } }`;

describe("operation limits on a service built with createGraphQLHttpServer", () => {
  it("answers a query within every limit", async () => {
    const { status, body } = await ask(nested(defaultOperationLimits.maxDepth));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it("refuses 32 levels of nesting for its depth, not for the cost the depth also breaks", async () => {
    await expectRefused(ask(nested(32)), "MAX_DEPTH_EXCEEDED", defaultOperationLimits.maxDepth);
  });

  it("refuses 10,000 aliases while parsing: the text alone is over the token limit", async () => {
    const query = `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: node { id }`).join(" ")} }`;
    await expectRefused(ask(query), "MAX_TOKENS_EXCEEDED", defaultOperationLimits.maxTokens);
  });

  it("refuses aliases over the limit in a query short enough to parse", async () => {
    const query = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: node { id }`).join(" ")} }`;
    await expectRefused(ask(query), "MAX_ALIASES_EXCEEDED", defaultOperationLimits.maxAliases);
  });

  it("refuses a 1 MB flood of tokens", async () => {
    const query = `{ node { ${"id ".repeat(350_000)}} }`;
    expect(query.length).toBeGreaterThan(1_000_000);
    await expectRefused(ask(query), "MAX_TOKENS_EXCEEDED", defaultOperationLimits.maxTokens);
  });

  it("refuses directives over the limit", async () => {
    const query = `{ node { id ${"@include(if: true) ".repeat(30)}} }`;
    await expectRefused(ask(query), "MAX_DIRECTIVES_EXCEEDED", defaultOperationLimits.maxDirectives);
  });

  it("refuses a query whose cost is over the budget though each other limit holds", async () => {
    // 25 aliases, 11 levels each: under the alias and depth limits, over the cost.
    const query = `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: ${nested(11).slice(2, -2)}`).join(" ")} }`;
    await expectRefused(ask(query), "MAX_COST_EXCEEDED", defaultOperationLimits.maxCost);
  });

  it("refuses more _entities representations than a subgraph accepts, before resolving any", async () => {
    const representations = Array.from({ length: 10_000 }, (_, i) => `r${i}`);
    const query = "query($r: [String!]!) { _entities(representations: $r) { id } }";
    await expectRefused(ask(query, { r: representations }), "MAX_REPRESENTATIONS_EXCEEDED", defaultOperationLimits.maxRepresentations);
    const within = await ask(query, { r: representations.slice(0, defaultOperationLimits.maxRepresentations) });
    expect(within.body.errors).toBeUndefined();
  });

  it("counts representations given inline and under several aliases", async () => {
    const list = `[${Array.from({ length: 150 }, (_, i) => `"r${i}"`).join(",")}]`;
    await expectRefused(ask(`{ a: _entities(representations: ${list}) { id } b: _entities(representations: ${list}) { id } }`), "MAX_REPRESENTATIONS_EXCEEDED", 200);
  });
});

describe("error hygiene on a service built with createGraphQLHttpServer", () => {
  it("answers a malformed JSON body with a JSON GraphQL error, not express's HTML page", async () => {
    const { status, headers, body } = await post('{"query": "{ node { id } }"');
    expect(status).toBe(400);
    expect(headers.get("content-type")).toContain("application/json");
    expect(body).toEqual({ errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
  });

  it("still refuses a body over 5 MB with 413, in JSON", async () => {
    const { status, body } = await ask(`{ node { id } } # ${"x".repeat(6_000_000)}`);
    expect(status).toBe(413);
    expect(body.errors![0]!.extensions!.code).toBe("BAD_REQUEST");
  });

  it("sends no X-Powered-By header", async () => {
    const { headers } = await ask("{ node { id } }");
    expect(headers.get("x-powered-by")).toBeNull();
  });

  it("shows no stack trace and no absolute path though NODE_ENV was unset at start", async () => {
    const { body } = await ask("{ node { path } }");
    const text = JSON.stringify(body);
    expect(text).not.toContain("stacktrace");
    expect(text).not.toContain("/srv/khcn");
    expect(body.errors![0]!.message).toBe("ENOENT: no such file or directory, open '<path>'");
  });

  it("answers a bad variable value, a date that is no date, with BAD_USER_INPUT and HTTP 400", async () => {
    const { status, body } = await ask("query($d: PartialDate) { node { on(date: $d) } }", { d: "2025-13-45" });
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(body.errors![0]!.message).toContain("2025-13-45");
  });
});
