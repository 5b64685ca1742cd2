import { loadProvinceRegistry } from "@khcn/directory";
import { loadMeasureCatalogue, type Measure } from "@khcn/shared";
import { beforeAll, describe, expect, it } from "vitest";
import { addUp, computeNationalFigure, planNationalFigure } from "./compute-national-figure.ts";
import type { ProvinceAnswer, ProvinceFigure, Unit } from "./national-types.ts";

let units: Unit[];
const catalogue = loadMeasureCatalogue();
const measure = (code: string): Measure => catalogue.measures.find((m) => m.code === code)!;
const qms = () => measure("vn.khcn.qms.coverage");

beforeAll(async () => {
  units = (await loadProvinceRegistry()).provinces.map((p) => ({ ...p }));
});

const source = { documentNumber: null, documentTitle: "Kế hoạch KH&CN 2024", section: "A.III", quote: "41/41 cơ quan", note: null };
function qmsFigure(tier: string, numerator: number, denominator: number | null, extra: Partial<ProvinceFigure> = {}): ProvinceFigure {
  return {
    measure: "vn.khcn.qms.coverage",
    year: 2023,
    status: "REPORTED",
    dimensions: [{ dimension: "qmsTier", value: tier }],
    count: null,
    amountVnd: null,
    numerator,
    denominator,
    periodStart: null,
    periodEnd: null,
    records: [`qms:${tier.toLowerCase()}`],
    sources: [source],
    ...extra,
  };
}
const longAnQms: ProvinceAnswer = { answered: true, figures: [qmsFigure("PROVINCIAL_DISTRICT", 41, 41), qmsFigure("COMMUNE", 188, 188), qmsFigure("OTHER", 8, null)] };
const nothing: ProvinceAnswer = { answered: true, figures: [] };

describe("the units a national figure is drawn from", () => {
  it("are the 63 units for 2023 on its own map, and ask only those that run a subgraph", () => {
    const plan = planNationalFigure(units, 2023);
    expect(plan.validOn).toBe("2023-12-31");
    expect(plan.units).toHaveLength(63);
    expect(plan.toAsk.map((u) => u.id).sort()).toEqual(["bac-giang", "lang-son", "long-an"]);
    for (const { unit, contributors } of plan.units) expect(contributors.map((c) => c.id)).toEqual([unit.id]);
  });

  it("roll 2023 into the 34 units of 1 July 2025: Long An and Tây Ninh into the new Tây Ninh, each unit counted once", () => {
    const plan = planNationalFigure(units, 2023, "2025-07-01");
    expect(plan.units).toHaveLength(34);
    const tayNinh = plan.units.find((u) => u.unit.id === "tay-ninh-2025")!;
    expect(tayNinh.contributors.map((c) => c.id).sort()).toEqual(["long-an", "tay-ninh"]);
    expect(plan.units.find((u) => u.unit.id === "bac-ninh-2025")!.contributors.map((c) => c.id).sort()).toEqual(["bac-giang", "bac-ninh"]);
    const all = plan.units.flatMap((u) => u.contributors.map((c) => c.id));
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(63);
  });

  it("are the 63 units on 2025-06-30", () => {
    expect(planNationalFigure(units, 2023, "2025-06-30").units).toHaveLength(63);
  });

  it("refuse a map older than the year: figures never roll back", () => {
    expect(() => planNationalFigure(units, 2026, "2025-06-30")).toThrow(/never back/);
  });
});

describe("the national QMS coverage of 2023", () => {
  it("is a ratio of sums over what was counted, and says it is not national", () => {
    const plan = planNationalFigure(units, 2023);
    const answers = new Map([["long-an", longAnQms], ["lang-son", nothing], ["bac-giang", nothing]]);
    const result = computeNationalFigure(plan, answers, { measure: qms(), status: "REPORTED", dimensions: [] });
    // 41/41 and 188/188 counted; 8 "other" agencies have no denominator and cannot enter a ratio of sums.
    expect(result.total).toEqual({ count: null, amountVnd: null, numerator: 229, denominator: 229, ratio: 1 });
    expect(result.complete).toBe(false);
    expect(result.reporting).toEqual({ expected: 63, reported: 1, partial: 0, notReported: 2, withoutSubgraph: 60, unavailable: 0 });
    expect(result.completeness).toMatch(/^1 of 63 units .* not a national figure\.$/);
    const longAn = result.units.find((u) => u.province.id === "long-an")!;
    expect(longAn.state).toBe("REPORTED");
    expect(longAn.contributions[0]!.excluded).toEqual([expect.objectContaining({ reason: expect.stringMatching(/no denominator/), records: ["qms:other"] })]);
  });

  it("equals, exactly, the per-unit figures of the same answer added up", () => {
    const plan = planNationalFigure(units, 2023);
    const answers = new Map([["long-an", longAnQms], ["lang-son", { answered: true, figures: [qmsFigure("PROVINCIAL_DISTRICT", 37, 40)] } as ProvinceAnswer], ["bac-giang", nothing]]);
    const result = computeNationalFigure(plan, answers, { measure: qms(), status: "REPORTED", dimensions: [] });
    const shown = result.units.flatMap((u) => u.contributions.flatMap((c) => c.figures.map((f) => f.value)));
    expect(result.total).toEqual(addUp(shown, qms()));
    expect(result.total).toMatchObject({ numerator: 266, denominator: 269 });
  });

  it("by tier: only the figures of that tier", () => {
    const plan = planNationalFigure(units, 2023);
    const result = computeNationalFigure(plan, new Map([["long-an", longAnQms]]), { measure: qms(), status: "REPORTED", dimensions: [{ dimension: "qmsTier", value: "COMMUNE" }] });
    expect(result.total).toMatchObject({ numerator: 188, denominator: 188 });
  });

  it("with Long An down: Long An is unavailable, and the total is none, not a national figure", () => {
    const plan = planNationalFigure(units, 2023);
    const answers = new Map<string, ProvinceAnswer>([["long-an", { answered: false, reason: "Province Long An (long-an) is unavailable: no answer within 3000 ms" }], ["lang-son", nothing], ["bac-giang", nothing]]);
    const result = computeNationalFigure(plan, answers, { measure: qms(), status: "REPORTED", dimensions: [] });
    expect(result.total).toBeNull();
    expect(result.reporting.unavailable).toBe(1);
    expect(result.units.find((u) => u.province.id === "long-an")).toMatchObject({ state: "UNAVAILABLE", value: null });
    expect(result.completeness).toMatch(/unavailable during this request: Long An/);
  });

  it("on the map of 1 July 2025: the new Tây Ninh carries Long An's figures, in part, and says so", () => {
    const plan = planNationalFigure(units, 2023, "2025-07-01");
    const result = computeNationalFigure(plan, new Map([["long-an", longAnQms], ["lang-son", nothing], ["bac-giang", nothing]]), { measure: qms(), status: "REPORTED", dimensions: [] });
    const tayNinh = result.units.find((u) => u.province.id === "tay-ninh-2025")!;
    expect(tayNinh.state).toBe("PARTIAL");
    expect(tayNinh.value).toMatchObject({ numerator: 229, denominator: 229 });
    expect(tayNinh.contributions.map((c) => [c.province.id, c.state])).toEqual(expect.arrayContaining([["long-an", "REPORTED"], ["tay-ninh", "NO_SUBGRAPH"]]));
    expect(result.reporting).toMatchObject({ expected: 34, partial: 1 });
    expect(result.total).toMatchObject({ numerator: 229, denominator: 229 });
  });
});

describe("figures that cannot be compared", () => {
  it("an 18-month count is left out of a yearly measure, with why", () => {
    const plan = planNationalFigure(units, 2023);
    const yearly = measure("vn.khcn.task.active_count");
    const figure: ProvinceFigure = {
      ...qmsFigure("X", 0, null),
      measure: yearly.code,
      dimensions: [{ dimension: "provinceTaskLevel", value: "PROVINCIAL" }],
      numerator: null,
      count: 60,
      periodStart: "2022-01",
      periodEnd: "2023-06",
    };
    const result = computeNationalFigure(plan, new Map([["lang-son", { answered: true, figures: [figure] } as ProvinceAnswer]]), { measure: yearly, status: "REPORTED", dimensions: [] });
    const langSon = result.units.find((u) => u.province.id === "lang-son")!;
    expect(langSon.state).toBe("NOT_REPORTED");
    expect(langSon.contributions[0]!.excluded[0]!.reason).toBe("covers 2022-01-01 to 2023-06-30, not the calendar year 2023");
    expect(result.total).toBeNull();
  });

  it("a measure that is not aggregable has no total, whatever was reported", () => {
    const keyTasks = measure("vn.khcn.keytask.count");
    expect(keyTasks.aggregation).toBe("NONE");
    const figure: ProvinceFigure = { ...qmsFigure("X", 0, null), measure: keyTasks.code, year: 2024, numerator: null, count: 5, dimensions: [{ dimension: "keyTaskAssignedBy", value: "PROVINCE_ASSIGNED" }] };
    const result = computeNationalFigure(planNationalFigure(units, 2024), new Map([["lang-son", { answered: true, figures: [figure] } as ProvinceAnswer]]), {
      measure: keyTasks,
      status: "REPORTED",
      dimensions: [],
    });
    expect(result.total).toBeNull();
    expect(result.units.find((u) => u.province.id === "lang-son")!.value).toMatchObject({ count: 5 });
    expect(result.completeness).toMatch(/not aggregable/);
  });
});
