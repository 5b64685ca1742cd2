import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { budgetRows, toCsv } from "./records-csv.ts";

const source = { section: "B.9", quote: 'Tổng nhu cầu: "41.612 triệu đồng",\ncả năm', note: null, document: { number: null, title: "Kế hoạch KH&CN 2024" } };

describe("the views' CSV files", () => {
  it("keep an absent amount empty, quotes verbatim, and parse back to the same cells", () => {
    const rows = budgetRows([
      {
        id: "long-an",
        name: "Long An",
        gsoCode: "80",
        budgets: [
          { id: "la-2024-local", year: 2024, phase: "REQUESTED", fundingSource: "LOCAL", amountVnd: 41_612_000_000, amountAsWritten: "41.612 triệu đồng", asOf: null, purpose: null, note: null, source },
          { id: "la-2024-central", year: 2024, phase: "REQUESTED", fundingSource: "CENTRAL", amountVnd: null, amountAsWritten: null, asOf: null, purpose: null, note: null, source },
        ],
      },
    ]);
    const csv = toCsv(rows);
    expect(csv.startsWith("\uFEFFprovince_id,")).toBe(true);
    const parsed = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(parsed.map((r) => [r.funding_source, r.value])).toEqual([
      ["LOCAL", "41612000000"],
      ["CENTRAL", ""],
    ]);
    expect(parsed[0]!.quote).toBe(source.quote);
  });
});
