import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningGateway, startGateway } from "../start-gateway.ts";

// The catalogue is the gateway's own, so parameters are checked with nothing behind it; the whole
// system's downloads are in test/export.e2e.ts. Nothing listens on port 1.
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

const download = (path: string) => fetch(`${origin}${path}`);

describe("GET /export/<measure>.csv refuses a request it cannot answer, naming the parameter", () => {
  it.each([
    ["/export/qms.coverage.csv?year=2023", /^measure "qms.coverage" is not in the catalogue; the measures are vn\.khcn\.qms\.coverage, /],
    ["/export/vn.khcn.qms.coverage.json?year=2023", /ends in \.csv/],
    ["/export/vn.khcn.qms.coverage.csv", /^year is required/],
    ["/export/vn.khcn.qms.coverage.csv?year=twenty", /^year must be a year such as 2023; got "twenty"/],
    ["/export/vn.khcn.qms.coverage.csv?year=2023&year=2024", /^year is given more than once/],
    ["/export/vn.khcn.qms.coverage.csv?year=2023&yaer=2024", /^unknown parameter "yaer"; the parameters are year, validOn, status, dimension/],
    ["/export/vn.khcn.qms.coverage.csv?year=2023&validOn=2025-13-01", /^validOn must be a date as YYYY, YYYY-MM or YYYY-MM-DD/],
    ["/export/vn.khcn.qms.coverage.csv?year=2023&status=ACTUAL", /^status must be REPORTED \(actuals\) or PLANNED \(targets\); got "ACTUAL"/],
    ["/export/vn.khcn.qms.coverage.csv?year=2023&dimension=qmsTier", /^dimension must be <dimension>:<value>/],
    ["/export/vn.khcn.qms.coverage.csv?year=2023&dimension=fundingSource:LOCAL", /^dimension "fundingSource" is not a dimension of vn\.khcn\.qms\.coverage \(its dimensions: qmsTier\)/],
    ["/export/vn.khcn.qms.coverage.csv?year=2023&dimension=qmsTier:VILLAGE", /^dimension qmsTier:VILLAGE: "VILLAGE" is not a value of qmsTier \(one of PROVINCIAL_DISTRICT, COMMUNE, OTHER\)/],
  ])("%s: 400, one line of plain text", async (path, message) => {
    const response = await download(path);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const body = await response.text();
    expect(body).toMatch(message);
    expect(body.trimEnd()).not.toContain("\n");
  });

  it("answers 502 with the API's reason, not a partial file, when the figure cannot be computed", async () => {
    const response = await download("/export/vn.khcn.qms.coverage.csv?year=2023");
    expect(response.status).toBe(502);
    expect(await response.text()).toMatch(/^the national figure could not be computed: The directory of provinces is unavailable/);
  });
});
