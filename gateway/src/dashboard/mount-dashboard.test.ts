import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DASHBOARD_DIST, mountDashboard } from "./mount-dashboard.ts";

let workDir: string;
const servers: Server[] = [];

/** An express app with only the dashboard mounted on `distDir`, listening on a free port; returns its origin. */
async function serve(distDir: string): Promise<string> {
  const app = express();
  mountDashboard(app, { distDir });
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "khcn-dashboard-"));
});

afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await rm(workDir, { recursive: true, force: true });
});

describe("the comparison page at /dashboard", () => {
  it("resolves the workspace's dashboard/dist from the gateway's sources", () => {
    expect(DASHBOARD_DIST.replace(/\\/g, "/")).toMatch(/\/dashboard\/dist\/$/);
    expect(existsSync(join(DASHBOARD_DIST, "..", "package.json"))).toBe(true);
  });

  it("answers 503 with one line saying how to build it when the bundle is missing", async () => {
    const origin = await serve(join(workDir, "missing"));
    const response = await fetch(`${origin}/dashboard/`);
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain("npm run build");
    expect(text.trim().split("\n")).toHaveLength(1);
  });

  it("serves the built page, redirects /dashboard to /dashboard/, and caches hashed assets for good", async () => {
    const dist = join(workDir, "dist");
    await mkdir(join(dist, "assets"), { recursive: true });
    await writeFile(join(dist, "index.html"), "<!doctype html><title>page</title>");
    await writeFile(join(dist, "assets", "index-abc123.js"), "console.log(1)");
    const origin = await serve(dist);

    const bare = await fetch(`${origin}/dashboard`, { redirect: "manual" });
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toBe("/dashboard/");

    const page = await fetch(`${origin}/dashboard/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>page</title>");
    expect(page.headers.get("cache-control")).toBe("no-cache");

    const asset = await fetch(`${origin}/dashboard/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");

    expect((await fetch(`${origin}/dashboard/assets/absent.js`)).status).toBe(404);
  });
});
