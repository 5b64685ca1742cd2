import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSystem, startSystem } from "./helpers/start-system.ts";

interface Value {
  count: number | null;
  amountVnd: number | null;
  numerator: number | null;
  denominator: number | null;
  ratio: number | null;
}
interface ApiFigure {
  dimensions: { dimension: string; value: string }[];
  value: Value;
  sources: { quote: string }[];
  reason?: string;
}
interface ApiAnswer {
  nationalFigure: {
    units: {
      province: { id: string; name: string; gsoCode: string };
      state: string;
      contributions: { province: { id: string; name: string }; state: string; reason: string | null; figures: ApiFigure[]; excluded: ApiFigure[] }[];
    }[];
  };
}

// What a GraphQL client asks, written here rather than taken from the export, so the test compares two answers.
const NATIONAL = `query National($measure: String!, $year: Int!, $validOn: PartialDate, $dimensions: [DimensionFilter!]) {
  nationalFigure(measure: $measure, year: $year, validOn: $validOn, dimensions: $dimensions) {
    units {
      province { id name gsoCode }
      state
      contributions {
        province { id name }
        state
        reason
        figures { dimensions { dimension value } value { count amountVnd numerator denominator ratio } sources { quote } }
        excluded { dimensions { dimension value } value { count amountVnd numerator denominator ratio } sources { quote } reason }
      }
    }
  }
}`;

type CsvRow = Record<string, string>;

let system: RunningSystem;
let workDir: string;

beforeAll(async () => {
  [system, workDir] = await Promise.all([startSystem(), mkdtemp(join(tmpdir(), "khcn-export-"))]);
});

afterAll(async () => {
  await system?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** The file as a browser saves it: the bytes, BOM included (Response.text() would drop the BOM). */
async function download(path: string): Promise<{ response: Response; bytes: Buffer }> {
  const response = await system.get(path);
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

const readCsv = (bytes: Buffer) => parse(bytes, { bom: true, columns: true }) as CsvRow[];

/** An empty cell is "no figure"; a number is compared as the number it is. */
const numberOf = (cell: string | undefined) => (cell === undefined || cell === "" ? null : Number(cell));
const dimensionsOf = (figure: ApiFigure) => figure.dimensions.map((d) => `${d.dimension}=${d.value}`).join(";");

/** Every number and quote the API gives, keyed as the CSV's rows are: unit, province, dimensions, counted. */
function expectSameFigures(rows: CsvRow[], answer: ApiAnswer): void {
  let compared = 0;
  for (const unit of answer.nationalFigure.units) {
    const unitRows = rows.filter((r) => r.unit_id === unit.province.id);
    expect(unitRows.length, unit.province.id).toBeGreaterThan(0);
    for (const row of unitRows) expect([row.unit_name, row.unit_gso_code, row.unit_state]).toEqual([unit.province.name, unit.province.gsoCode, unit.state]);
    for (const contribution of unit.contributions) {
      const ofProvince = unitRows.filter((r) => r.province_id === contribution.province.id);
      const figures = [...contribution.figures.map((f) => [f, "true"] as const), ...contribution.excluded.map((f) => [f, "false"] as const)];
      if (figures.length === 0) {
        // A province without figures is one row with empty values, never 0, and the reason.
        expect(ofProvince, `${unit.province.id}/${contribution.province.id}`).toHaveLength(1);
        const [row] = ofProvince;
        expect([row!.state, row!.value, row!.numerator, row!.denominator, row!.ratio, row!.counted, row!.note]).toEqual([contribution.state, "", "", "", "", "false", contribution.reason]);
        compared++;
        continue;
      }
      expect(ofProvince, `${unit.province.id}/${contribution.province.id}`).toHaveLength(figures.length);
      for (const [figure, counted] of figures) {
        const matching = ofProvince.filter((r) => r.dimensions === dimensionsOf(figure) && r.counted === counted);
        expect(matching, `${contribution.province.id} ${dimensionsOf(figure)}`).toHaveLength(1);
        const row = matching[0]!;
        expect({ numerator: numberOf(row.numerator), denominator: numberOf(row.denominator), ratio: numberOf(row.ratio), value: numberOf(row.value) }).toEqual({
          numerator: figure.value.numerator,
          denominator: figure.value.denominator,
          ratio: figure.value.ratio,
          value: figure.value.ratio,
        });
        expect(row.state).toBe(contribution.state);
        expect(row.note).toBe(figure.reason ?? "");
        // Verbatim: one line per source, in the API's order.
        expect(row.quote!.split("\n")).toEqual(figure.sources.map((s) => s.quote));
        compared++;
      }
    }
  }
  // Nothing in the file that the API did not give.
  expect(rows).toHaveLength(compared + answer.nationalFigure.units.filter((u) => u.contributions.length === 0).length);
}

describe("a data scientist downloads QMS coverage 2023 as CSV", () => {
  it("gets a UTF-8 CSV with a BOM, as an attachment, with every figure the GraphQL API gives for the same query", async () => {
    const [{ response, bytes }, api] = await Promise.all([
      download("/export/vn.khcn.qms.coverage.csv?year=2023"),
      system.query<ApiAnswer>(NATIONAL, { measure: "vn.khcn.qms.coverage", year: 2023 }),
    ]);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe("attachment; filename=vn.khcn.qms.coverage_2023.csv");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(api.errors).toBeUndefined();

    const rows = readCsv(bytes);
    expectSameFigures(rows, api.data!);
    // The 63 units of 2023, each at least once; Long An's figures as its plan states them.
    expect(new Set(rows.map((r) => r.unit_id)).size).toBe(63);
    const longAn = rows.filter((r) => r.province_id === "long-an");
    expect(longAn.map((r) => [r.province_name, r.dimensions, r.numerator, r.denominator, r.ratio, r.counted])).toEqual([
      ["Long An", "qmsTier=PROVINCIAL_DISTRICT", "41", "41", "1", "true"],
      ["Long An", "qmsTier=COMMUNE", "188", "188", "1", "true"],
      ["Long An", "qmsTier=OTHER", "8", "", "", "false"],
    ]);
    expect(longAn[0]!.quote).toContain("Tất cả 41/41 cơ quan HCNN cấp tỉnh, cấp huyện");
    expect(rows.find((r) => r.unit_id === "ha-noi")).toMatchObject({ state: "NO_SUBGRAPH", value: "", numerator: "", counted: "false" });
  });

  it("reads the same with Python's csv module (encoding utf-8-sig), as pandas would", async () => {
    const { bytes } = await download("/export/vn.khcn.qms.coverage.csv?year=2023");
    const file = join(workDir, "qms-2023.csv");
    await writeFile(file, bytes);
    const script = [
      "import csv, json, sys",
      "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:",
      "    json.dump(list(csv.DictReader(f)), sys.stdout, ensure_ascii=False)",
    ].join("\n");
    const { stdout } = await promisify(execFile)("python3", ["-c", script, file], { maxBuffer: 16 * 1024 * 1024 });
    const read = JSON.parse(stdout) as CsvRow[];
    expect(Object.keys(read[0]!)[0]).toBe("unit_id");
    expect(read).toEqual(readCsv(bytes));
    const api = await system.query<ApiAnswer>(NATIONAL, { measure: "vn.khcn.qms.coverage", year: 2023 });
    expectSameFigures(read, api.data!);
  });

  it("on the map of 1 July 2025, communes only: Long An's 188/188 counts toward Tây Ninh, which is partial", async () => {
    const path = "/export/vn.khcn.qms.coverage.csv?year=2023&validOn=2025-07-01&dimension=qmsTier:COMMUNE";
    const variables = { measure: "vn.khcn.qms.coverage", year: 2023, validOn: "2025-07-01", dimensions: [{ dimension: "qmsTier", value: "COMMUNE" }] };
    const [{ response, bytes }, api] = await Promise.all([download(path), system.query<ApiAnswer>(NATIONAL, variables)]);
    expect(response.headers.get("content-disposition")).toBe("attachment; filename=vn.khcn.qms.coverage_2023_validOn-2025-07-01_qmsTier-COMMUNE.csv");
    const rows = readCsv(bytes);
    expectSameFigures(rows, api.data!);
    expect(new Set(rows.map((r) => r.unit_id)).size).toBe(34);
    expect(rows.filter((r) => r.province_id === "long-an")).toEqual([
      expect.objectContaining({ unit_id: "tay-ninh-2025", unit_name: "Tây Ninh", unit_state: "PARTIAL", dimensions: "qmsTier=COMMUNE", numerator: "188", denominator: "188", valid_on: "2025-07-01" }),
    ]);
  });

  it("refuses an unknown measure with a 400 that names it", async () => {
    const response = await system.get("/export/qms.coverage.csv?year=2023");
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/^measure "qms.coverage" is not in the catalogue/);
  });
});
