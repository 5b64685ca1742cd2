import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./helpers/launch-chromium.ts";
import { type RunningSystem, startSystem } from "./helpers/start-system.ts";

let system: RunningSystem;
let browser: Browser;

beforeAll(async () => {
  [system, browser] = await Promise.all([startSystem(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe("a data scientist opens GraphiQL at the gateway, offline", () => {
  it("loads it, runs the comparative example, shows the result, and nothing leaves localhost", async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    const pageErrors: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await page.goto(new URL("/", system.gatewayUrl).href);
    await page.locator(".graphiql-container").waitFor({ timeout: 20_000 });
    // The example queries open as tabs, the comparative one first.
    await expect.poll(() => page.locator(".graphiql-tab").allTextContents(), { timeout: 10_000 }).toEqual([
      expect.stringContaining("ComparativeDashboard"),
      expect.stringContaining("QmsCoverageSideBySide"),
      expect.stringContaining("BudgetsByPhaseAndFundingSource"),
      expect.stringContaining("KeyTasksDue"),
      expect.stringContaining("NationalQmsCoverage"),
      expect.stringContaining("BudgetRequestedByFundingSource"),
      expect.stringContaining("UnitsAfterTheMerger"),
    ]);

    await page.locator(".graphiql-execute-button").click();
    // The answer's first lines are on screen; CodeMirror renders only the lines in view, so the
    // whole answer is read from the result editor itself.
    await page.locator(".result-window").filter({ hasText: '"provinces"' }).waitFor({ timeout: 20_000 });
    const shown = JSON.parse((await page.evaluate('document.querySelector(".result-window .CodeMirror").CodeMirror.getValue()')) as string) as {
      data: { provinces: { id: string; name: string; qmsCoverage: unknown[] | null }[] };
      errors?: unknown[];
    };
    expect(shown.errors).toBeUndefined();
    const withFigures = shown.data.provinces.filter((p) => p.qmsCoverage !== null).map((p) => p.name);
    expect(withFigures).toEqual(expect.arrayContaining(["Lạng Sơn", "Long An", "Bắc Giang"]));

    expect(pageErrors).toEqual([]);
    expect(requested.some((url) => new URL(url).pathname === "/graphql")).toBe(true);
    // data: and blob: URLs never leave the page; everything else must stay on this machine.
    const offHost = requested.filter((url) => {
      const { protocol, hostname } = new URL(url);
      return !["data:", "blob:"].includes(protocol) && !["127.0.0.1", "localhost"].includes(hostname);
    });
    expect(offHost).toEqual([]);
    await page.close();
  });

  it("serves the same page at /graphiql", async () => {
    const response = await system.get("/graphiql");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("/graphiql/assets/graphiql.min.js");
  });
});
