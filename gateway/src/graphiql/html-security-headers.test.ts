import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountDashboard } from "../dashboard/mount-dashboard.ts";
import { htmlSecurityHeaders, inlineScriptsOf, scriptHash } from "./html-security-headers.ts";
import { loadExampleQueries } from "./load-examples.ts";
import { mountGraphiQL } from "./mount-graphiql.ts";
import { renderGraphiQLPage } from "./render-graphiql-page.ts";

let origin: string;
let server: Server;
let distDir: string;

beforeAll(async () => {
  distDir = await mkdtemp(join(tmpdir(), "khcn-headers-"));
  await mkdir(join(distDir, "assets"));
  await writeFile(join(distDir, "index.html"), '<!doctype html><script type="module" src="/dashboard/assets/index.js"></script>');
  await writeFile(join(distDir, "assets", "index.js"), "console.log(1)");
  const app = express();
  mountGraphiQL(app, { endpoint: "/graphql", examples: await loadExampleQueries() });
  mountDashboard(app, { distDir });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(distDir, { recursive: true, force: true });
});

describe("the HTML pages' security headers", () => {
  it.each(["/", "/graphiql", "/graphql", "/dashboard/", "/dashboard/assets/index.js"])("%s: only this server's scripts, no framing, no sniffing, no referrer to others", async (path) => {
    const response = await fetch(`${origin}${path}`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
  });

  it("allows GraphiQL's one inline script by its hash, so the page still starts", async () => {
    const page = renderGraphiQLPage({ endpoint: "/graphql", examples: await loadExampleQueries() });
    const inline = inlineScriptsOf(page);
    expect(inline).toHaveLength(1);
    expect(inline[0]).toContain("GraphiQL.createFetcher");
    const response = await fetch(`${origin}/`);
    expect(response.headers.get("content-security-policy")).toContain(`script-src 'self' ${scriptHash(inline[0]!)}`);
  });

  it("hashes as browsers do (the CSP spec's example: sha256 of the script's text, base64)", () => {
    expect(scriptHash("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
    expect(htmlSecurityHeaders()["Content-Security-Policy"]).toContain("script-src 'self';");
  });
});
