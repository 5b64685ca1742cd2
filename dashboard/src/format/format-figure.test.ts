import { describe, expect, it } from "vitest";
import { chartValue, formatBillionsVnd, formatFigure, formatPartialDate, partialDateSpan } from "./format-figure.ts";

const value = (v: Partial<Record<"count" | "amountVnd" | "numerator" | "denominator" | "ratio", number>>) => ({
  count: null,
  amountVnd: null,
  numerator: null,
  denominator: null,
  ratio: null,
  ...v,
});

describe("how the page writes a figure", () => {
  it("writes a ratio with its numerator and denominator, in the page's language", () => {
    expect(formatFigure(value({ numerator: 41, denominator: 41, ratio: 1 }), "RATIO", "vi")).toMatch(/^41\/41 \(100\s?%\)$/);
    expect(formatFigure(value({ numerator: 51, denominator: 101, ratio: 51 / 101 }), "RATIO", "vi")).toMatch(/^51\/101 \(50,5\s?%\)$/);
    expect(formatFigure(value({ numerator: 51, denominator: 101, ratio: 51 / 101 }), "RATIO", "en")).toBe("51/101 (50.5%)");
    // A numerator without its denominator is no ratio: never 100 %.
    expect(formatFigure(value({ numerator: 8 }), "RATIO", "vi")).toBe("8/?");
  });

  it("writes money as whole đồng with Vietnamese grouping, and billions for a chart", () => {
    expect(formatFigure(value({ amountVnd: 41_612_000_000 }), "MONEY_VND", "vi")).toBe("41.612.000.000 đ");
    expect(formatFigure(value({ amountVnd: 41_612_000_000 }), "MONEY_VND", "en")).toBe("41,612,000,000 đ");
    expect(formatBillionsVnd(41_612_000_000, "vi")).toBe("41,6");
    expect(formatBillionsVnd(3_572_000_000, "vi")).toBe("3,572");
  });

  it("never turns an absent figure into zero", () => {
    expect(formatFigure(null, "COUNT", "vi")).toBeNull();
    expect(formatFigure(value({}), "COUNT", "vi")).toBeNull();
    expect(formatFigure(value({}), "MONEY_VND", "vi")).toBeNull();
    expect(chartValue(value({}), "MONEY_VND")).toBeNull();
    expect(chartValue(value({ numerator: 3 }), "RATIO")).toBeNull();
    expect(formatFigure(value({ count: 0 }), "COUNT", "vi")).toBe("0");
  });

  it("reads a partial date as the whole span it names", () => {
    expect(partialDateSpan("2024")).toEqual({ start: new Date("2024-01-01T00:00:00Z"), end: new Date("2025-01-01T00:00:00Z") });
    expect(partialDateSpan("2023-12")).toEqual({ start: new Date("2023-12-01T00:00:00Z"), end: new Date("2024-01-01T00:00:00Z") });
    expect(partialDateSpan("2023-06-30")).toEqual({ start: new Date("2023-06-30T00:00:00Z"), end: new Date("2023-07-01T00:00:00Z") });
    expect(partialDateSpan("tháng 6")).toBeNull();
    expect(formatPartialDate("2023-06", "vi")).toBe("6/2023");
    expect(formatPartialDate("2023-06-30", "vi")).toBe("30/6/2023");
    expect(formatPartialDate("2023-06", "en")).toBe("June 2023");
  });
});
