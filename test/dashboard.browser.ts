import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./helpers/launch-chromium.ts";
import { type RunningSystem, startSystem } from "./helpers/start-system.ts";

// The functions given to page.evaluate run in the page; this file is typed for Node (the root
// tsconfig has no DOM library), so the few browser globals they use are declared here, for this file only.
declare const document: {
  fonts: { ready: Promise<unknown>; check(font: string, text: string): boolean } & Iterable<{ family: string; status: string; unicodeRange: string }>;
  activeElement: { textContent: string | null } | null;
  documentElement: { scrollWidth: number };
};
declare function getComputedStyle(element: unknown): { outlineStyle: string };

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const dashboardDir = join(repoRoot, "dashboard");
const artifacts = join(repoRoot, "test-artifacts");

/** The newest modification time under a path (a file, or a folder read recursively). */
async function newest(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  return Math.max(info.mtimeMs, ...(await Promise.all(entries.map((entry) => newest(join(path, entry))))));
}

/** Builds the page's bundle when there is none or its sources changed since: the gateway serves dashboard/dist as it is. */
async function buildDashboardIfStale(): Promise<void> {
  const built = await newest(join(dashboardDir, "dist", "index.html"));
  const sources = Math.max(...(await Promise.all(["src", "index.html", "vite.config.ts", "package.json"].map((p) => newest(join(dashboardDir, p))))));
  if (built > sources) return;
  await promisify(execFile)("npm", ["run", "build", "-w", "@khcn/dashboard"], { cwd: repoRoot });
}

let system: RunningSystem;
let browser: Browser;

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true });
  // Long An runs as its own process, so the last scenario can kill it the way a real server dies.
  [system, browser] = await Promise.all([startSystem({ processes: ["long-an"] }), launchChromium(), buildDashboardIfStale()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

const dashboardUrl = () => new URL("/dashboard/", system.gatewayUrl).href;

interface Watched {
  page: Page;
  requested: string[];
  errors: string[];
}

/** A page that records every request it makes and every error it throws or logs. */
async function openPage(viewport: { width: number; height: number }): Promise<Watched> {
  const page = await browser.newPage({ viewport });
  const requested: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return { page, requested, errors };
}

/** Requests that went anywhere but this machine (data: and blob: URLs never leave the page). */
function offHost(requested: readonly string[]): string[] {
  return requested.filter((url) => {
    const { protocol, hostname } = new URL(url);
    return !["data:", "blob:"].includes(protocol) && hostname !== "127.0.0.1";
  });
}

/** Waits for the chart and the table of the comparison to be drawn. */
async function waitForComparison(page: Page): Promise<void> {
  await page.locator("[data-testid=unit-chart] svg").waitFor({ timeout: 20_000 });
  await page.locator("[data-testid=unit-table] tbody tr").first().waitFor({ timeout: 20_000 });
}

const row = (page: Page, unit: string) => page.locator(`[data-testid=unit-table] tbody tr[data-unit="${unit}"]`);

describe("a ministry officer opens the comparison page at /dashboard, offline", () => {
  it("shows Long An's QMS coverage for 2023 in the chart and the table, the others as missing, never zero", async () => {
    const { page, requested, errors } = await openPage({ width: 1280, height: 900 });
    await page.goto(dashboardUrl());
    await waitForComparison(page);

    // The default view: QMS coverage, 2023, the map of 2023. Long An's two tiers add up to 229/229.
    const chart = page.locator("[data-testid=unit-chart]");
    await expect.poll(() => chart.textContent()).toContain("229/229");
    expect(await row(page, "long-an").getAttribute("data-state")).toBe("REPORTED");
    expect(await row(page, "long-an").locator("td.number").textContent()).toMatch(/^229\/229 \(100\s?%\)$/);
    expect(await page.getByTestId("national-total-value").textContent()).toMatch(/^229\/229/);
    expect(await page.getByTestId("completeness").textContent()).toContain("1 trên 63 đơn vị báo cáo");

    // Lạng Sơn and Bắc Giang run a subgraph without this figure: a "no data" mark, no bar, no zero.
    const missingMarks = await chart.locator(".missing-mark text").allTextContents();
    expect(missingMarks).toEqual(["× không có số liệu", "× không có số liệu"]);
    for (const unit of ["lang-son", "bac-giang"]) {
      expect(await row(page, unit).getAttribute("data-state")).toBe("NOT_REPORTED");
      const value = (await row(page, unit).locator("td.number").textContent())!;
      expect(value).toBe("không có số liệu");
      expect(value).not.toMatch(/\d/);
    }

    // The units that run no subgraph are counted, and listed on request.
    await page.getByLabel("Hiện cả các đơn vị chưa kết nối").check();
    await expect.poll(() => page.locator("[data-testid=unit-table] tbody tr").count()).toBe(63);
    expect(await row(page, "ha-noi").getAttribute("data-state")).toBe("NO_SUBGRAPH");
    await page.getByLabel("Hiện cả các đơn vị chưa kết nối").uncheck();

    // Be Vietnam Pro's Vietnamese subset came from our bundle and is in use: "ế", "ư", "đ" have glyphs of their own.
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((font) => font.family.includes("Be Vietnam Pro") && font.status === "loaded").map((font) => font.unicodeRange);
    });
    expect(fonts.some((range) => range.includes("U+1EA0-1EF9"))).toBe(true);
    expect(await page.evaluate(() => document.fonts.check("16px 'Be Vietnam Pro'", "Kế hoạch ứng dụng đổi mới"))).toBe(true);
    expect(requested.some((url) => /\/dashboard\/assets\/be-vietnam-pro-vietnamese-400-normal-[\w-]+\.woff2$/.test(url))).toBe(true);

    // The viewport as a laptop shows it, and the whole page.
    await page.screenshot({ path: join(artifacts, "dashboard-desktop.png") });
    await page.screenshot({ path: join(artifacts, "dashboard-desktop-full.png"), fullPage: true });
    expect(requested.filter((url) => new URL(url).pathname === "/graphql").length).toBeGreaterThanOrEqual(4);
    expect(offHost(requested)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opens a figure's source from the keyboard: the document, the section and the verbatim sentence with 41/41", async () => {
    const { page, errors } = await openPage({ width: 1280, height: 900 });
    await page.goto(dashboardUrl());
    await waitForComparison(page);

    const details = row(page, "long-an").locator("details");
    expect(await details.evaluate((element) => (element as unknown as { open: boolean }).open)).toBe(false);
    await details.locator("summary").focus();
    await page.keyboard.press("Enter");
    expect(await details.evaluate((element) => (element as unknown as { open: boolean }).open)).toBe(true);

    // Each tier with its own figure: the 41/41 and 188/188 the province reported.
    const opened = (await details.textContent())!;
    expect(opened).toMatch(/41\/41 \(100\s?%\)/);
    expect(opened).toMatch(/188\/188 \(100\s?%\)/);
    expect(opened).toContain("A.III.1.5");
    // The quote on the page is the API's, character for character.
    const { data } = await system.query<{ nationalFigure: { units: { province: { id: string }; contributions: { figures: { sources: { quote: string }[] }[] }[] }[] } }>(
      `{ nationalFigure(measure: "vn.khcn.qms.coverage", year: 2023) { units { province { id } contributions { figures { sources { quote } } } } } }`,
    );
    const quotes = data!.nationalFigure.units.find((u) => u.province.id === "long-an")!.contributions.flatMap((c) => c.figures.flatMap((f) => f.sources.map((s) => s.quote)));
    const quoteWith4141 = quotes.find((quote) => quote.includes("41/41"))!;
    expect(quoteWith4141).toContain("41/41");
    expect(await details.locator("blockquote").allTextContents()).toContain(quoteWith4141);
    await expect.poll(() => details.locator("blockquote", { hasText: "41/41" }).first().isVisible()).toBe(true);

    await details.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, "dashboard-source-open-desktop.png") });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("is keyboard-usable with a visible focus, switches to English, and keeps the choice in the address", async () => {
    const { page, errors } = await openPage({ width: 1280, height: 900 });
    await page.goto(dashboardUrl());
    await waitForComparison(page);

    // The first Tab reaches the language button, drawn with a focus outline.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("English");
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe("none");
    await page.keyboard.press("Enter");

    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("heading", { name: "Chart by unit" }).waitFor();
    await page.getByRole("heading", { name: "Key tasks and their deadlines" }).waitFor();
    expect(await page.getByTestId("completeness").textContent()).toContain("1 of 63 units reported");
    expect(await page.locator("[data-testid=unit-chart] .missing-mark text").allTextContents()).toEqual(["× no data", "× no data"]);
    expect(await page.locator("#measure-title").textContent()).toBe("Share of state administrative agencies applying a TCVN ISO 9001 quality management system");
    expect(new URL(page.url()).searchParams.get("lang")).toBe("en");
    await page.screenshot({ path: join(artifacts, "dashboard-english-desktop.png") });

    // Another measure and year from the native selects: S&T funds for 2024, in đồng.
    await page.locator('select[name="measure"]').selectOption("vn.khcn.budget.st_funds");
    await page.locator('select[name="year"]').selectOption("2024");
    await expect.poll(() => row(page, "long-an").locator("td.number").textContent()).toBe("41,612,000,000 đ");
    await page.getByRole("button", { name: /tiếng Việt/ }).click();
    await expect.poll(() => row(page, "long-an").locator("td.number").textContent()).toBe("41.612.000.000 đ");

    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws the units after the 1 July 2025 merger: Long An's figures count toward Tây Ninh, which is partial", async () => {
    const { page, errors } = await openPage({ width: 1280, height: 900 });
    await page.goto(`${dashboardUrl()}?measure=vn.khcn.qms.coverage&year=2023&map=after-2025-07`);
    await waitForComparison(page);
    await expect.poll(() => page.getByTestId("completeness").textContent()).toContain("trên 34 đơn vị");
    expect(await row(page, "tay-ninh-2025").getAttribute("data-state")).toBe("PARTIAL");
    expect(await row(page, "tay-ninh-2025").locator("td.number").textContent()).toMatch(/^229\/229/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reads on a 390 px phone: no sideways scrolling, the figures and sources as cards", async () => {
    const { page, requested, errors } = await openPage({ width: 390, height: 844 });
    await page.goto(dashboardUrl());
    await waitForComparison(page);
    await expect.poll(() => page.locator("[data-testid=unit-chart]").textContent()).toContain("229/229");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifacts, "dashboard-phone.png") });
    await page.screenshot({ path: join(artifacts, "dashboard-phone-full.png"), fullPage: true });
    expect(offHost(requested)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("downloads each view as a CSV that parses to the API's numbers", async () => {
    const { page } = await openPage({ width: 1280, height: 900 });
    await page.goto(dashboardUrl());
    await waitForComparison(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
    expect(download.suggestedFilename()).toMatch(/^vn\.khcn\.qms\.coverage.*\.csv$/);
    const rows = parse(await readFile((await download.path())!, "utf8"), { bom: true, columns: true }) as Record<string, string>[];
    const api = await system.query<{ nationalFigure: { units: { contributions: { province: { id: string }; figures: { dimensions: { value: string }[]; value: { numerator: number; denominator: number } }[] }[] }[] } }>(
      `{ nationalFigure(measure: "vn.khcn.qms.coverage", year: 2023) { units { contributions { province { id } figures { dimensions { value } value { numerator denominator } } } } } }`,
    );
    const fromApi = api.data!.nationalFigure.units.flatMap((u) => u.contributions.flatMap((c) => c.figures.map((f) => `${c.province.id} ${f.dimensions[0]!.value} ${f.value.numerator}/${f.value.denominator}`)));
    const fromCsv = rows.filter((r) => r.counted === "true").map((r) => `${r.province_id} ${r.dimensions!.split("=")[1]} ${r.numerator}/${r.denominator}`);
    expect(fromCsv.sort()).toEqual(fromApi.sort());
    expect(fromCsv).toEqual(expect.arrayContaining(["long-an PROVINCIAL_DISTRICT 41/41", "long-an COMMUNE 188/188"]));

    // The budget and key-task views save what they show, made in the page from the same answers.
    const save = async (testId: string) => {
      const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
      return parse(await readFile((await file.path())!, "utf8"), { bom: true, columns: true }) as Record<string, string>[];
    };
    const budgets = await system.query<{ provinces: { id: string; budgets: { year: number; phase: string; fundingSource: string | null; amountVnd: number | null }[] }[] }>(
      "{ provinces(hasSubgraph: true) { id budgets { year phase fundingSource amountVnd } } }",
    );
    const budgetsFromApi = budgets.data!.provinces.flatMap((p) => p.budgets.map((b) => `${p.id} ${b.year} ${b.phase} ${b.fundingSource ?? ""} ${b.amountVnd ?? ""}`));
    const budgetsFromCsv = (await save("download-budget-csv")).map((r) => `${r.province_id} ${r.year} ${r.budget_phase} ${r.funding_source} ${r.value}`);
    expect(budgetsFromCsv.sort()).toEqual(budgetsFromApi.sort());
    expect(budgetsFromCsv).toContain("long-an 2024 REQUESTED LOCAL 41612000000");
    const tasks = await save("download-key-tasks-csv");
    expect(tasks.filter((r) => r.province_id === "lang-son")).toHaveLength(5);
    expect(tasks.every((r) => (r.quote ?? "").length > 0)).toBe(true);
    await page.close();
  });

  it("is linked from GraphiQL", async () => {
    const { page } = await openPage({ width: 1280, height: 900 });
    await page.goto(new URL("/graphiql", system.gatewayUrl).href);
    const link = page.locator('.graphiql-container a[href="/dashboard/"]');
    await link.waitFor({ timeout: 20_000 });
    await link.click();
    await waitForComparison(page);
    expect(new URL(page.url()).pathname).toBe("/dashboard/");
    await page.close();
  });

  // Last: it leaves Long An down.
  it("after Long An's process is killed, a reload shows Long An unavailable with its reason and the rest as usual", async () => {
    await system.processes["long-an"]!.kill();
    // The gateway learns of it at its next data-version check; until then the cache may answer.
    await system.refreshStatus();
    const { page, requested, errors } = await openPage({ width: 1280, height: 900 });
    await page.goto(dashboardUrl());
    await waitForComparison(page);

    const longAn = row(page, "long-an");
    await expect.poll(() => longAn.getAttribute("data-state")).toBe("UNAVAILABLE");
    expect(await longAn.locator(".badge").textContent()).toBe("Không truy cập được");
    expect(await longAn.locator(".reason").textContent()).toMatch(/Long An.*unavailable/);
    expect(await page.locator("[data-testid=unit-chart] .missing-mark text").allTextContents()).toEqual(["× không có số liệu", "× không có số liệu", "× không truy cập được"]);
    expect(await page.getByTestId("completeness").textContent()).toContain("1 không truy cập được");
    for (const unit of ["lang-son", "bac-giang"]) expect(await row(page, unit).getAttribute("data-state")).toBe("NOT_REPORTED");

    // The budget and key-task views say the same, and still show what the others answered.
    await expect.poll(() => page.locator(".budget .unavailable-notice").textContent()).toMatch(/^Long An: không truy cập được/);
    await expect.poll(() => page.locator(".tasks .unavailable-notice").textContent()).toMatch(/^Long An: không truy cập được/);
    expect(await page.locator('.tasks article[data-province="Lạng Sơn"] tbody tr').count()).toBe(5);
    expect(await page.locator('.tasks article[data-province="Bắc Giang"] tbody tr').count()).toBe(6);

    await page.screenshot({ path: join(artifacts, "dashboard-long-an-down-desktop.png") });
    await page.screenshot({ path: join(artifacts, "dashboard-long-an-down-desktop-full.png"), fullPage: true });
    expect(offHost(requested)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
