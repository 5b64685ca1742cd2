import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningGateway, startGateway } from "./start-gateway.ts";

// Nothing listens on port 1: the directory and both provinces are down when the gateway starts.
const nowhere = "http://127.0.0.1:1/graphql";
let gateway: RunningGateway;
let origin: string;

beforeAll(async () => {
  gateway = await startGateway({
    config: {
      port: 0,
      directoryUrl: nowhere,
      provinces: [
        { id: "lang-son", url: nowhere },
        { id: "long-an", url: nowhere },
      ],
      provinceTimeoutMs: 500,
      contractCheckIntervalMs: 0,
    },
    host: "127.0.0.1",
  });
  origin = new URL(gateway.url).origin;
});

afterAll(() => gateway?.stop());

describe("the gateway with everything behind it down", () => {
  it("starts anyway (the supergraph is static) and is live", async () => {
    const live = await fetch(`${origin}/health/live`);
    expect(live.status).toBe(200);
  });

  it("is not ready while the directory is unreachable, and says so for each province by id", async () => {
    const ready = await fetch(`${origin}/health/ready`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { status: string; directory: { state: string; detail: string }; provinces: { id: string; name: string; state: string }[] };
    expect(body.status).toBe("unready");
    expect(body.directory).toMatchObject({ url: nowhere, state: "unreachable" });
    expect(body.provinces.map(({ id, name, state }) => ({ id, name, state }))).toEqual([
      { id: "lang-son", name: "lang-son", state: "unreachable" },
      { id: "long-an", name: "long-an", state: "unreachable" },
    ]);
  });

  it("answers a query with an error, not a crash", async () => {
    const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ provinces { id } }" }) });
    const body = (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.errors![0]!.extensions?.stacktrace).toBeUndefined();
  });

  it("still serves GraphiQL and its assets from this server", async () => {
    for (const path of ["/", "/graphiql"]) {
      const page = await fetch(`${origin}${path}`);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    }
    const script = await fetch(`${origin}/graphiql/assets/graphiql.min.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    const css = await fetch(`${origin}/graphiql/assets/graphiql.min.css`);
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
    expect((await fetch(`${origin}/graphiql/assets/package.json`)).status).toBe(404);
    expect((await fetch(`${origin}/graphiql/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
  });
});
