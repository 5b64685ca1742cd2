import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningGateway, startGateway } from "../start-gateway.ts";

// Nothing listens on port 1; the national subgraph runs in the gateway, so the catalogue still answers.
const nowhere = "http://127.0.0.1:1/graphql";
let gateway: RunningGateway;
let origin: string;

beforeAll(async () => {
  gateway = await startGateway({
    config: { port: 0, directoryUrl: nowhere, provinces: [{ id: "long-an", url: nowhere }], provinceTimeoutMs: 500, contractCheckIntervalMs: 0 },
    host: "127.0.0.1",
  });
  origin = new URL(gateway.url).origin;
});

afterAll(() => gateway?.stop());

/** What Chromium sends when a user opens a URL. */
const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8";
const CATALOGUE = "{ measureCatalogue { version } }";

describe("the GraphQL URL, opened in a browser", () => {
  it("answers GraphiQL's page, and says the answer depends on Accept", async () => {
    const response = await fetch(gateway.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("vary")).toMatch(/Accept/i);
    expect(await response.text()).toContain("/graphiql/assets/graphiql.min.js");
  });
});

describe("every other request to the GraphQL URL goes to GraphQL as before", () => {
  it.each([
    ["no Accept header", {}],
    ["curl's Accept: */*", { accept: "*/*" }],
    ["a GraphQL client's Accept", { accept: "application/graphql-response+json, application/json;q=0.9" }],
  ])("GET without a query and %s: Apollo's answer, not the page", async (_name, headers) => {
    const response = await fetch(gateway.url, { headers });
    expect(response.headers.get("content-type")).not.toMatch(/^text\/html/);
    expect(await response.text()).not.toContain("graphiql.min.js");
  });

  it("GET with a query from a browser and no preflight header: still refused by CSRF prevention", async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent(CATALOGUE)}`, { headers: { accept: BROWSER_ACCEPT } });
    // Apollo Server answers 400, Hive Gateway's runtime 403: either way, not executed.
    expect([400, 403]).toContain(response.status);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery|CSRF/i);
  });

  it("GET with a query and the preflight header: answered", async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent(CATALOGUE)}`, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { measureCatalogue: { version: string } } }).data.measureCatalogue.version).toMatch(/\S/);
  });

  it("POST with JSON, even from a client that prefers text/html: answered as JSON", async () => {
    const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", accept: BROWSER_ACCEPT }, body: JSON.stringify({ query: CATALOGUE }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/json/);
    expect(((await response.json()) as { data: unknown }).data).toMatchObject({ measureCatalogue: { version: expect.any(String) } });
  });
});

describe("Roboto Mono, served from this server", () => {
  it("serves the stylesheets the page links and the Vietnamese woff2 files they name, nothing else of the package", async () => {
    const css = await fetch(`${origin}/graphiql/assets/roboto-mono/400.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
    const text = await css.text();
    expect(text).toContain("url(./files/roboto-mono-vietnamese-400-normal.woff2)");
    const font = await fetch(`${origin}/graphiql/assets/roboto-mono/files/roboto-mono-vietnamese-400-normal.woff2`);
    expect(font.status).toBe(200);
    expect(font.headers.get("content-type")).toBe("font/woff2");
    expect((await font.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    for (const path of ["roboto-mono/100.css", "roboto-mono/package.json", "roboto-mono/files/..%2Fpackage.json", "roboto-mono/files/../package.json", "roboto-mono/files/"]) {
      expect((await fetch(`${origin}/graphiql/assets/${path}`)).status, path).toBe(404);
    }
  });
});
