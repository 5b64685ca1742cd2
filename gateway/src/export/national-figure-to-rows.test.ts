import { describe, expect, it } from "vitest";
import { EXPORT_COLUMNS, type ExportedNationalFigure, nationalFigureToRows, rowsToCsv } from "./national-figure-to-rows.ts";

const none = { count: null, amountVnd: null, numerator: null, denominator: null, ratio: null };
const source = (quote: string, section: string | null = "A.III.1.5") => ({ documentNumber: null, documentTitle: "Kế hoạch KH&CN năm 2024", section, quote, note: null });
const longAn = { id: "long-an", name: "Long An", gsoCode: "80" };
const tayNinh = { id: "tay-ninh", name: "Tây Ninh", gsoCode: "72" };

/** QMS 2023 on the map after the merger: Tây Ninh 2025 formed from Tây Ninh (no subgraph) and Long An. */
const answer: ExportedNationalFigure = {
  measure: { code: "vn.khcn.qms.coverage", nameVi: "Tỷ lệ cơ quan …", nameEn: "Share of agencies …", unit: "agency", valueType: "RATIO" },
  year: 2023,
  validOn: "2025-07-01",
  status: "REPORTED",
  dimensions: [],
  units: [
    {
      province: { id: "tay-ninh-2025", name: "Tây Ninh", gsoCode: "80" },
      state: "PARTIAL",
      contributions: [
        { province: tayNinh, state: "NO_SUBGRAPH", reason: "Tây Ninh runs no subgraph", figures: [], excluded: [] },
        {
          province: longAn,
          state: "REPORTED",
          reason: null,
          figures: [
            {
              dimensions: [{ dimension: "qmsTier", value: "PROVINCIAL_DISTRICT" }],
              value: { ...none, numerator: 41, denominator: 41, ratio: 1 },
              periodStart: null,
              periodEnd: null,
              records: ["qms:la-2023-qms-provincial-district"],
              sources: [source("Tất cả 41/41 cơ quan HCNN cấp tỉnh, cấp huyện …"), { ...source("- Duy trì, cải tiến … 42/42 cơ quan HCNN", "B.3"), note: "denominator changes" }],
            },
          ],
          excluded: [
            {
              dimensions: [{ dimension: "qmsTier", value: "OTHER" }],
              value: { ...none, numerator: 8 },
              records: ["qms:la-2023-qms-other"],
              reason: "no denominator stated: a ratio of sums needs both parts",
              sources: [source('… và 08 cơ quan HCNN khác, "khuyến khích"')],
            },
          ],
        },
      ],
    },
    { province: { id: "ha-noi", name: "Hà Nội", gsoCode: "01" }, state: "UNAVAILABLE", contributions: [{ province: { id: "ha-noi", name: "Hà Nội", gsoCode: "01" }, state: "UNAVAILABLE", reason: "timed out after 3000 ms", figures: [], excluded: [] }] },
    { province: { id: "new-unit", name: "Mới", gsoCode: "99" }, state: "NO_SUBGRAPH", contributions: [] },
  ],
};

describe("a national figure as CSV rows", () => {
  const rows = nationalFigureToRows(answer);

  it("gives one row per contributing province and figure, and one for a contribution or unit without figures", () => {
    expect(rows.map((r) => [r.unit_id, r.province_id, r.state, r.dimensions, r.counted])).toEqual([
      ["tay-ninh-2025", "tay-ninh", "NO_SUBGRAPH", "", "false"],
      ["tay-ninh-2025", "long-an", "REPORTED", "qmsTier=PROVINCIAL_DISTRICT", "true"],
      ["tay-ninh-2025", "long-an", "REPORTED", "qmsTier=OTHER", "false"],
      ["ha-noi", "ha-noi", "UNAVAILABLE", "", "false"],
      ["new-unit", null, "NO_SUBGRAPH", "", "false"],
    ]);
    expect(rows.every((r) => r.unit_state === { "tay-ninh-2025": "PARTIAL", "ha-noi": "UNAVAILABLE", "new-unit": "NO_SUBGRAPH" }[r.unit_id as string])).toBe(true);
  });

  it("leaves values empty, never 0, where nothing was reported, and says why in note", () => {
    const missing = rows.filter((r) => r.counted === "false" && r.dimensions === "");
    for (const row of missing) expect([row.value, row.numerator, row.denominator, row.ratio, row.quote]).toEqual([null, null, null, null, null]);
    expect(missing.map((r) => r.note)).toEqual(["Tây Ninh runs no subgraph", "timed out after 3000 ms", "no unit that existed during 2023 is part of it"]);
  });

  it("gives a ratio's parts and the ratio as the value; an excluded figure keeps what it has, with the reason", () => {
    const [, counted, excluded] = rows;
    expect(counted).toMatchObject({ value: 1, numerator: 41, denominator: 41, ratio: 1, unit: "agency", status: "reported", valid_on: "2025-07-01", note: null });
    expect(excluded).toMatchObject({ value: null, numerator: 8, denominator: null, ratio: null, note: "no denominator stated: a ratio of sums needs both parts" });
  });

  it("keeps a figure with two sources on one row, one line per source in every source column", () => {
    const [, counted] = rows;
    expect(counted!.quote).toBe("Tất cả 41/41 cơ quan HCNN cấp tỉnh, cấp huyện …\n- Duy trì, cải tiến … 42/42 cơ quan HCNN");
    expect(counted!.section).toBe("A.III.1.5\nB.3");
    expect(counted!.source_note).toBe("\ndenominator changes");
    expect(counted!.document_number).toBeNull();
  });

  // Read back cell for cell by csv-parse and Python's csv module in test/export.e2e.ts; here, the bytes.
  it("writes UTF-8 CSV with a BOM, CRLF between records, and quotes every cell that holds a line break, comma or quote", () => {
    const csv = rowsToCsv(rows);
    expect(csv.startsWith(`\uFEFF${EXPORT_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(rows.length + 2); // the header, the rows, and the empty string after the last CRLF
    expect(csv).toContain(',"A.III.1.5\nB.3",');
    expect(csv).toContain(',"\ndenominator changes",');
    expect(csv).toContain('"… và 08 cơ quan HCNN khác, ""khuyến khích"""');
  });
});
