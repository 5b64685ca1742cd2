import { loadMeasureCatalogue } from "@khcn/shared";
import { describe, expect, it } from "vitest";
import { checkAgainstCatalogue } from "./catalogue-rules.ts";
import { indicatorRow, type RowOf } from "./row-schemas.ts";

const catalogue = loadMeasureCatalogue();

/** An indicators.csv row as the reader parses it, from its cells (empty cells left out). */
function row(cells: Record<string, string>): RowOf<"indicators"> {
  const base = { id: "x", name: "x", category: "TASKS", year: "2023", target: "false", document: "doc", quote: "x" };
  const present = Object.entries({ ...base, ...cells }).filter(([, v]) => v !== "");
  return indicatorRow.parse(Object.fromEntries(present));
}

const districtTasks = { code: "vn.khcn.task.active_count", dimensions: "provinceTaskLevel=DISTRICT", value: "18", unit: "task" };
const coverage = { code: "vn.khcn.qms.coverage", dimensions: "qmsTier=COMMUNE", numerator: "188", denominator: "188", unit: "agency" };
const funds = { code: "vn.khcn.budget.st_funds", dimensions: "fundingSource=LOCAL;budgetPhase=REQUESTED", value: "41612000000", unit: "VND" };

describe("an indicators.csv row against the catalogue", () => {
  it("accepts a local code, and a catalogue code whose figure fits its measure", () => {
    expect(checkAgainstCatalogue(row({ code: "local.tasks.national.count", value: "4", unit: "đề tài, dự án" }), catalogue)).toEqual([]);
    expect(checkAgainstCatalogue(row({ ...districtTasks, period_start: "2023-01", period_end: "2023-12-31" }), catalogue)).toEqual([]);
    expect(checkAgainstCatalogue(row(coverage), catalogue)).toEqual([]);
    expect(checkAgainstCatalogue(row({ ...coverage, denominator: "" }), catalogue)).toEqual([]);
    expect(checkAgainstCatalogue(row({ ...funds, year: "2024" }), catalogue)).toEqual([]);
    expect(checkAgainstCatalogue(row({ code: "vn.khcn.enterprise.st_enterprises_certified", value: "22", unit: "enterprise", period_end: "2023-06" }), catalogue)).toEqual([]);
  });

  it("refuses a malformed local code, and dimensions on a local code", () => {
    expect(checkAgainstCatalogue(row({ code: "local.2023.tasks", value: "1" }), catalogue)).toEqual([
      { field: "code", message: expect.stringContaining('"local.2023.tasks" is not a well-formed local code') },
    ]);
    expect(checkAgainstCatalogue(row({ code: "local.tasks", dimensions: "provinceTaskLevel=DISTRICT", value: "1" }), catalogue)).toEqual([
      { field: "dimensions", message: expect.stringContaining("a local code has no catalogue dimensions") },
    ]);
  });

  it("refuses a value shape that contradicts the value type", () => {
    expect(checkAgainstCatalogue(row({ ...districtTasks, value: "18.5", numerator: "18", denominator: "20" }), catalogue)).toEqual([
      { field: "value", message: expect.stringContaining("18.5 is not a whole number of task") },
      { field: "numerator", message: expect.stringContaining("must be empty") },
      { field: "denominator", message: expect.stringContaining("must be empty") },
    ]);
    expect(checkAgainstCatalogue(row({ ...districtTasks, value: "" }), catalogue)).toEqual([{ field: "value", message: expect.stringContaining("is required") }]);
    expect(checkAgainstCatalogue(row({ ...coverage, value: "100", numerator: "" }), catalogue)).toEqual([
      { field: "numerator", message: expect.stringContaining("is required") },
      { field: "value", message: expect.stringContaining("the ratio is derived") },
    ]);
    expect(checkAgainstCatalogue(row({ ...coverage, denominator: "0" }), catalogue)).toEqual([{ field: "denominator", message: expect.stringContaining("is 0") }]);
    expect(checkAgainstCatalogue(row({ ...funds, year: "2024", value: "41612.5" }), catalogue)).toEqual([
      { field: "value", message: expect.stringContaining("is not whole đồng") },
    ]);
  });

  it("refuses a unit other than the measure's, and a bound instead of a figure", () => {
    expect(checkAgainstCatalogue(row({ ...funds, year: "2024", unit: "đồng" }), catalogue)).toEqual([
      { field: "unit", message: '"đồng" contradicts the unit of vn.khcn.budget.st_funds: its figures are in "VND"' },
    ]);
    expect(checkAgainstCatalogue(row({ ...districtTasks, unit: "" }), catalogue)).toEqual([{ field: "unit", message: expect.stringContaining("is empty") }]);
    expect(checkAgainstCatalogue(row({ ...districtTasks, comparator: "AT_LEAST" }), catalogue)).toEqual([
      { field: "comparator", message: expect.stringContaining("AT_LEAST is a bound") },
    ]);
  });

  it("refuses a period that cannot be compared with the measure's", () => {
    expect(checkAgainstCatalogue(row({ ...districtTasks, period_start: "2023-01", period_end: "2023-06" }), catalogue)).toEqual([
      { field: "period_end", message: expect.stringMatching(/^covers 2023-01-01 to 2023-06-30 \(6 months\), not the calendar year 2023/) },
    ]);
    expect(checkAgainstCatalogue(row({ ...districtTasks, period_end: "2023" }), catalogue)).toEqual([
      { field: "period_start", message: expect.stringContaining("states only its end") },
    ]);
    expect(checkAgainstCatalogue(row({ ...coverage, period_end: "2024-06" }), catalogue)).toEqual([
      { field: "period_end", message: expect.stringContaining("2024-06 is not within 2023") },
    ]);
  });

  it("refuses a missing dimension, an unknown one and an unknown value, each naming the catalogue's", () => {
    expect(checkAgainstCatalogue(row({ ...funds, year: "2024", dimensions: "budgetPhase=REQUESTED" }), catalogue)).toEqual([
      { field: "dimensions", message: expect.stringContaining("is broken down by fundingSource: a figure states every dimension of its measure") },
    ]);
    expect(checkAgainstCatalogue(row({ ...coverage, dimensions: "qmsTier=ALL;budgetPhase=REQUESTED" }), catalogue)).toEqual([
      { field: "dimensions", message: 'unknown value "ALL" of qmsTier; expected one of PROVINCIAL_DISTRICT, COMMUNE, OTHER' },
      { field: "dimensions", message: '"budgetPhase" is not a dimension of vn.khcn.qms.coverage; its dimensions are qmsTier' },
    ]);
  });

  it("reads a dimensions cell of pairs, and refuses a malformed or repeated one", () => {
    expect(row(funds).dimensions).toEqual([
      { dimension: "fundingSource", value: "LOCAL" },
      { dimension: "budgetPhase", value: "REQUESTED" },
    ]);
    expect(indicatorRow.safeParse({ ...districtTasks, dimensions: "provinceTaskLevel=district" }).error?.issues).toContainEqual(
      expect.objectContaining({ path: ["dimensions"], message: expect.stringContaining("is not dimensionId=VALUE") }),
    );
    expect(indicatorRow.safeParse({ ...districtTasks, dimensions: "provinceTaskLevel=DISTRICT;provinceTaskLevel=PROVINCIAL" }).error?.issues).toContainEqual(
      expect.objectContaining({ path: ["dimensions"], message: 'the dimension "provinceTaskLevel" is given twice' }),
    );
  });
});
