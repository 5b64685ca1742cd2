import { loadMeasureCatalogue } from "@khcn/shared";
import { describe, expect, it } from "vitest";
import { createNationalSchema } from "../national/create-national-schema.ts";
import type { ProvinceRouter } from "../province-router/index.ts";
import { readCommittedSupergraph } from "../supergraph/read-supergraph.ts";
import { GATEWAY_ENGINES, type GatewayEngineName } from "./gateway-engine.ts";
import { createGatewayEngine } from "./index.ts";

const nowhere = "http://127.0.0.1:1/graphql";
const noProvince = { routeEntities: async () => ({ data: { _entities: [] } }) } as unknown as ProvinceRouter;

/** An engine whose national subgraph fails unexpectedly, as a bug or a missing file would make it. */
async function engineWithFailingNational(engine: GatewayEngineName, debug: boolean) {
  const national = createNationalSchema({ catalogue: loadMeasureCatalogue(), router: noProvince, directoryUrl: nowhere, timeoutMs: 500 });
  national.getQueryType()!.getFields().measureCatalogue!.resolve = () => {
    throw new Error("ENOENT: no such file or directory, open '/srv/khcn/gateway/catalogue.json' (from http://10.0.4.7:4001/graphql)");
  };
  return createGatewayEngine(engine, { supergraphSdl: await readCommittedSupergraph(), router: noProvince, national, directoryUrl: nowhere, routes: () => {}, debug });
}

async function ask(engine: GatewayEngineName, debug: boolean, query: string) {
  const server = await engineWithFailingNational(engine, debug);
  try {
    const response = await server.handle({ body: JSON.stringify({ query }) });
    return { status: response.status, text: response.body, body: JSON.parse(response.body) as { errors?: { message: string; extensions?: Record<string, unknown> }[] } };
  } finally {
    await server.stop();
  }
}

// NODE_ENV is unset here, as under `npm start`: Apollo would put stack traces in every error then.
describe.each(GATEWAY_ENGINES.filter((e) => e !== "hive-js"))("the %s engine's errors", (engine) => {
  it("say what failed, without a stack trace, the file's path or an internal URL", async () => {
    expect(process.env.NODE_ENV).not.toBe("production");
    const { text, body } = await ask(engine, false, "{ measureCatalogue { version } }");
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.message).toBe("ENOENT: no such file or directory, open '<path>' (from <url>)");
    expect(body.errors![0]!.extensions?.stacktrace).toBeUndefined();
    expect(text).not.toMatch(/\/srv\/khcn|10\.0\.4\.7|\.ts:\d+|node_modules|at [A-Za-z.]+ \(/);
  });

  it("show the stack and the path with GRAPHQL_DEBUG", async () => {
    const { body } = await ask(engine, true, "{ measureCatalogue { version } }");
    expect(body.errors![0]!.message).toContain("/srv/khcn/gateway/catalogue.json");
    expect(body.errors![0]!.extensions?.stacktrace).toEqual(expect.arrayContaining([expect.stringContaining("Error: ENOENT")]));
  });

  it("answer a body that is not JSON with one BAD_REQUEST, echoing nothing of it", async () => {
    const server = await engineWithFailingNational(engine, false);
    try {
      const response = await server.handle({ body: '{"query": "{ provinces { id } }", oops' });
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toEqual({ errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
    } finally {
      await server.stop();
    }
  });

  it('answer "2025-13-45" for a PartialDate variable with BAD_USER_INPUT and HTTP 400, before any subgraph', async () => {
    const server = await engineWithFailingNational(engine, false);
    try {
      const response = await server.handle({ body: JSON.stringify({ query: "query($d: PartialDate) { provinces(validOn: $d) { id } }", variables: { d: "2025-13-45" } }) });
      expect(response.status).toBe(400);
      const { errors } = JSON.parse(response.body) as { errors: { message: string; extensions: { code: string } }[] };
      expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining("PartialDate must be YYYY, YYYY-MM or YYYY-MM-DD"), extensions: { code: "BAD_USER_INPUT" } })]);
    } finally {
      await server.stop();
    }
  });

  it("send no X-Powered-By", async () => {
    const server = await engineWithFailingNational(engine, false);
    try {
      const url = await server.listen(0, "127.0.0.1");
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
      expect(response.headers.get("x-powered-by")).toBeNull();
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
    } finally {
      await server.stop();
    }
  });
});
