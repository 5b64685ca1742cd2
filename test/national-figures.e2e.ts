import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSystem, startSystem } from "./helpers/start-system.ts";

interface Value {
  count: number | null;
  amountVnd: number | null;
  numerator: number | null;
  denominator: number | null;
  ratio: number | null;
}
interface NationalAnswer {
  nationalFigure: {
    validOn: string;
    total: Value | null;
    complete: boolean;
    completeness: string;
    reporting: { expected: number; reported: number; partial: number; notReported: number; withoutSubgraph: number; unavailable: number };
    units: {
      province: { id: string; name: string };
      state: string;
      value: Value | null;
      contributions: { province: { id: string }; state: string; reason: string | null; figures: { dimensions: { dimension: string; value: string }[]; value: Value; sources: { quote: string }[] }[] }[];
    }[];
  };
}

const NATIONAL = `query National($measure: String!, $year: Int!, $validOn: PartialDate, $dimensions: [DimensionFilter!]) {
  nationalFigure(measure: $measure, year: $year, validOn: $validOn, dimensions: $dimensions) {
    validOn
    total { count amountVnd numerator denominator ratio }
    complete completeness
    reporting { expected reported partial notReported withoutSubgraph unavailable }
    units {
      province { id name }
      state
      value { count amountVnd numerator denominator ratio }
      contributions { province { id } state reason figures { dimensions { dimension value } value { count amountVnd numerator denominator ratio } sources { quote } } }
    }
  }
}`;
const qms2023 = { measure: "vn.khcn.qms.coverage", year: 2023 };

let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem({ processes: ["long-an"], provinceTimeoutMs: 2000 });
});
afterAll(async () => {
  await system?.stop();
});

const unitOf = (answer: NationalAnswer, id: string) => answer.nationalFigure.units.find((u) => u.province.id === id)!;

describe("a ministry dashboard asks for the national QMS coverage of 2023", () => {
  it("gets a ratio of sums with Long An's 41/41 and 188/188 in it, and how many of the 63 units reported", async () => {
    const { data, errors } = await system.query<NationalAnswer>(NATIONAL, qms2023);
    expect(errors).toBeUndefined();
    const figure = data!.nationalFigure;
    expect(figure.validOn).toBe("2023-12-31");
    expect(figure.reporting.expected).toBe(63);
    const longAn = unitOf(data!, "long-an");
    expect(longAn.state).toBe("REPORTED");
    const byTier = Object.fromEntries(longAn.contributions[0]!.figures.map((f) => [f.dimensions.find((d) => d.dimension === "qmsTier")!.value, [f.value.numerator, f.value.denominator]]));
    expect(byTier).toMatchObject({ PROVINCIAL_DISTRICT: [41, 41], COMMUNE: [188, 188] });
    expect(longAn.contributions[0]!.figures[0]!.sources[0]!.quote).toMatch(/41\/41/);
    // The total is the ratio of the sums of exactly the figures shown, never an average of ratios.
    const shown = figure.units.flatMap((u) => u.contributions.flatMap((c) => c.figures.map((f) => f.value)));
    const numerator = shown.reduce((sum, v) => sum + v.numerator!, 0);
    const denominator = shown.reduce((sum, v) => sum + v.denominator!, 0);
    expect(figure.total).toMatchObject({ numerator, denominator, ratio: numerator / denominator });
    expect(figure.complete).toBe(false);
    const { reporting } = figure;
    expect(reporting.reported + reporting.partial + reporting.notReported + reporting.withoutSubgraph + reporting.unavailable).toBe(63);
    expect(reporting.withoutSubgraph).toBe(60);
    expect(figure.completeness).toMatch(/not a national figure/);
  });

  it("by tier: the communes alone", async () => {
    const { data } = await system.query<NationalAnswer>(NATIONAL, { ...qms2023, dimensions: [{ dimension: "qmsTier", value: "COMMUNE" }] });
    expect(unitOf(data!, "long-an").value).toMatchObject({ numerator: 188, denominator: 188 });
  });

  it("on the map of 1 July 2025: Long An's figures count toward the new Tây Ninh, which says it is partial", async () => {
    const { data } = await system.query<NationalAnswer>(NATIONAL, { ...qms2023, validOn: "2025-07-01" });
    expect(data!.nationalFigure.reporting.expected).toBe(34);
    const tayNinh = unitOf(data!, "tay-ninh-2025");
    expect(tayNinh.state).toBe("PARTIAL");
    expect(tayNinh.contributions.map((c) => [c.province.id, c.state])).toEqual(expect.arrayContaining([["long-an", "REPORTED"], ["tay-ninh", "NO_SUBGRAPH"]]));
    expect(data!.nationalFigure.units.filter((u) => u.contributions.some((c) => c.province.id === "long-an"))).toHaveLength(1);
  });

  it("refuses a measure the catalogue does not have, naming where the catalogue is", async () => {
    const { errors } = await system.query(NATIONAL, { measure: "qms.coverage", year: 2023 });
    expect(errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringMatching(/measureCatalogue/) });
  });

  it("with Long An's process killed, says Long An was unavailable and does not present the rest as national", async () => {
    await system.processes["long-an"]!.kill();
    // The gateway learns of it at its next data-version check (DATA_VERSION_CHECK_MS); until then the cache may answer.
    await system.refreshStatus();
    const { data, errors } = await system.query<NationalAnswer>(NATIONAL, qms2023);
    expect(errors).toBeUndefined();
    const figure = data!.nationalFigure;
    expect(unitOf(data!, "long-an")).toMatchObject({ state: "UNAVAILABLE", value: null });
    expect(figure.reporting.unavailable).toBe(1);
    expect(figure.complete).toBe(false);
    expect(figure.completeness).toMatch(/unavailable during this request: Long An/);
    expect(figure.completeness).not.toMatch(/The total is national/);
    // The others still answer: Lạng Sơn and Bắc Giang are asked and are not unavailable.
    for (const id of ["lang-son", "bac-giang"]) expect(unitOf(data!, id).state).not.toBe("UNAVAILABLE");
    await system.restartProcess("long-an");
  });
});

describe("the directory through the gateway", () => {
  it("has 63 units on 2025-06-30 and 34 on 2025-07-01", async () => {
    const count = async (validOn: string) => (await system.query<{ provinces: unknown[] }>(`{ provinces(validOn: "${validOn}") { id } }`)).data!.provinces.length;
    expect(await count("2025-06-30")).toBe(63);
    expect(await count("2025-07-01")).toBe(34);
  });
});
