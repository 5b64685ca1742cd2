import { describe, expect, it } from "vitest";
import { dimensionFilters, exportUrlOf, nationalFigureVariables, readSelection, validOnOf, writeSelection } from "./selection.ts";

describe("the reader's choice in the address", () => {
  it("defaults to QMS coverage, 2023, the year's own map, in Vietnamese", () => {
    expect(readSelection("")).toEqual({ measure: "vn.khcn.qms.coverage", year: 2023, map: "year", dimensions: {}, showAll: false, language: "vi" });
  });

  it("round-trips every part of it", () => {
    const selection = { measure: "vn.khcn.budget.st_funds", year: 2024, map: "after-2025-07" as const, dimensions: { fundingSource: "LOCAL" }, showAll: true, language: "en" as const };
    expect(readSelection(writeSelection(selection))).toEqual(selection);
  });

  it("links the same view's CSV, with its map and every dimension it asks for", () => {
    expect(exportUrlOf(readSelection("?measure=vn.khcn.qms.coverage&year=2023"))).toBe("/export/vn.khcn.qms.coverage.csv?year=2023");
    expect(exportUrlOf(readSelection("?measure=vn.khcn.budget.st_funds&year=2024&map=after-2025-07&dim.fundingSource=LOCAL"))).toBe(
      "/export/vn.khcn.budget.st_funds.csv?year=2024&validOn=2025-07-01&dimension=budgetPhase%3AREQUESTED&dimension=fundingSource%3ALOCAL",
    );
  });

  it("maps the administrative map to nationalFigure's validOn either side of 1 July 2025", () => {
    expect(validOnOf("year")).toBeNull();
    expect(validOnOf("before-2025-07")).toBe("2025-06-30");
    expect(validOnOf("after-2025-07")).toBe("2025-07-01");
  });

  it("always names a budget phase (phases are never added) and leaves other dimensions to the reader", () => {
    expect(dimensionFilters("vn.khcn.budget.st_funds", {})).toEqual([{ dimension: "budgetPhase", value: "REQUESTED" }]);
    expect(dimensionFilters("vn.khcn.budget.st_funds", { budgetPhase: "ALLOCATED", fundingSource: "LOCAL" })).toEqual([
      { dimension: "budgetPhase", value: "ALLOCATED" },
      { dimension: "fundingSource", value: "LOCAL" },
    ]);
    expect(dimensionFilters("vn.khcn.qms.coverage", {})).toEqual([]);
  });

  it("gives nationalFigure's variables without the catalogue", () => {
    expect(nationalFigureVariables(readSelection("?measure=vn.khcn.qms.coverage&year=2023&map=before-2025-07&dim.qmsTier=COMMUNE"))).toEqual({
      measure: "vn.khcn.qms.coverage",
      year: 2023,
      validOn: "2025-06-30",
      dimensions: [{ dimension: "qmsTier", value: "COMMUNE" }],
    });
    expect(nationalFigureVariables(readSelection(""))).toMatchObject({ validOn: null, dimensions: null });
  });
});
