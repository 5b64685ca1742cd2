import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./helpers/launch-chromium.ts";
import { type RunningSystem, startSystem } from "./helpers/start-system.ts";

/** Screenshots for a person to look at (git-ignored). */
const artifactsDir = fileURLToPath(new URL("../test-artifacts/", import.meta.url));

/**
 * The fonts Chromium actually drew an inline element's text with (DevTools' "Rendered Fonts"), with
 * how many glyphs each: a computed font-family only says what was asked for, not what had the glyphs.
 */
async function renderedFonts(page: Page, selector: string): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  await cdp.detach();
  return Object.fromEntries(fonts.map(({ familyName, glyphCount }) => [familyName, glyphCount]));
}

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
  it("opens it at the GraphQL URL, runs the comparative example, shows the result in Roboto Mono with Vietnamese intact, and nothing leaves localhost", async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    const pageErrors: string[] = [];
    const posted: string[] = [];
    page.on("request", (request) => {
      requested.push(request.url());
      if (request.method() === "POST") posted.push(new URL(request.url()).pathname);
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));

    // The URL `npm start` prints, opened as a user would: the browser asks for text/html.
    const opened = await page.goto(system.gatewayUrl);
    expect(opened?.headers()["content-type"]).toMatch(/^text\/html/);
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

    // The result pane asks for Roboto Mono, and Chromium draws it with Roboto Mono alone: the
    // Vietnamese subset loaded, so no glyph fell back to another font ("tố" drawn as "tô´").
    const resultFont = await page.evaluate('getComputedStyle(document.querySelector(".result-window .CodeMirror-line")).fontFamily');
    expect(resultFont).toMatch(/^"Roboto Mono"/);
    await page.evaluate("document.fonts.ready");
    // Scroll the answer to its first QMS quote (Long An's): a long Vietnamese sentence, rich in diacritics.
    await page.evaluate(`(() => {
      const cm = document.querySelector(".result-window .CodeMirror").CodeMirror;
      const line = cm.getValue().split("\\n").findIndex((text) => text.includes('"quote"') && text.includes("cơ quan HCNN"));
      cm.scrollTo(null, cm.heightAtLine(line, "local") - 40);
    })()`);
    const quoteLine = page.locator(".result-window .CodeMirror-line", { hasText: "cơ quan HCNN" }).first();
    await quoteLine.waitFor({ timeout: 10_000 });
    await expect.poll(() => page.evaluate("[...document.fonts].filter((f) => f.family.includes('Roboto Mono') && f.status === 'loaded').map((f) => f.unicodeRange).join(' ')")).toContain("U+1EA0-1EF9");
    const lineText = (await quoteLine.textContent()) ?? "";
    expect(lineText).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    await quoteLine.evaluate((element) => element.setAttribute("data-vietnamese-line", ""));
    // Every character of the line drawn by Roboto Mono, none by a fallback font. (CodeMirror puts a
    // line's text in one inline span; CDP counts an inline element's text with its descendants'.)
    expect(await renderedFonts(page, "[data-vietnamese-line] > span")).toEqual({ "Roboto Mono": [...lineText].length });
    expect(requested.some((url) => url.endsWith("/graphiql/assets/roboto-mono/files/roboto-mono-vietnamese-400-normal.woff2"))).toBe(true);
    await mkdir(artifactsDir, { recursive: true });
    await page.locator(".graphiql-response").screenshot({ path: `${artifactsDir}graphiql-results.png` });
    // The interface's font (tabs, buttons, the docs) keeps GraphiQL's Roboto, whose own Vietnamese
    // subset draws the same sentence without a fallback.
    await page.evaluate(`(() => {
      const probe = document.createElement("span");
      probe.id = "ui-font-probe";
      probe.style.fontFamily = "var(--font-family)";
      probe.style.whiteSpace = "pre"; // one glyph per character: no spaces collapsed
      probe.style.position = "absolute"; // out of GraphiQL's layout, which it would otherwise widen
      probe.textContent = ${JSON.stringify(lineText.trim())};
      document.querySelector(".graphiql-container").append(probe);
    })()`);
    await page.evaluate("document.fonts.ready");
    expect(await renderedFonts(page, "#ui-font-probe")).toEqual({ Roboto: [...lineText.trim()].length });
    await page.evaluate('document.getElementById("ui-font-probe").remove()');

    expect(pageErrors).toEqual([]);
    // The queries themselves went to the same URL, as POSTs.
    expect(posted).toContain("/graphql");
    // data: and blob: URLs never leave the page; everything else must stay on this machine.
    const offHost = requested.filter((url) => {
      const { protocol, hostname } = new URL(url);
      return !["data:", "blob:"].includes(protocol) && !["127.0.0.1", "localhost"].includes(hostname);
    });
    expect(offHost).toEqual([]);
    await page.close();
  });

  it("serves the same page at / and /graphiql", async () => {
    for (const path of ["/", "/graphiql"]) {
      const response = await system.get(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("/graphiql/assets/graphiql.min.js");
    }
  });
});
