import { findMeasure, loadMeasureCatalogue } from "@khcn/shared";
import { describe, expect, it } from "vitest";
import { BudgetPhase, FundingSource, QmsTier, TaskLevel } from "./enums.ts";

// The catalogue lives in shared, which must not depend on the province subgraph; the check that a
// province's enum values load into the catalogue's dimensions without translation lives here instead.
const catalogue = loadMeasureCatalogue();

function valuesOf(dimensionId: string): string[] {
  const dimension = catalogue.dimensions.find((d) => d.id === dimensionId);
  if (!dimension) throw new Error(`the catalogue has no dimension "${dimensionId}"`);
  return dimension.values.map((v) => v.code);
}

describe("the national catalogue and the province's enums", () => {
  it("S&T funds are broken down by exactly the province's budget phases and funding sources", () => {
    expect(findMeasure(catalogue, "vn.khcn.budget.st_funds")?.dimensions).toEqual(["budgetPhase", "fundingSource"]);
    expect(valuesOf("budgetPhase")).toEqual(Object.values(BudgetPhase));
    expect(valuesOf("fundingSource")).toEqual(Object.values(FundingSource));
  });

  it("QMS tiers are the province's, without ALL: a figure not split by tier is no observation", () => {
    expect(valuesOf("qmsTier")).toEqual(Object.values(QmsTier).filter((tier) => tier !== QmsTier.ALL));
  });

  it("task levels are the province's, split between the two task counts", () => {
    const levels: string[] = Object.values(TaskLevel);
    const provinceLevels = valuesOf("provinceTaskLevel");
    const centralLevels = valuesOf("centralTaskLevel").filter((level) => level !== "NATIONAL_OR_MINISTRY");
    expect([...centralLevels, ...provinceLevels]).toEqual(levels);
  });
});
