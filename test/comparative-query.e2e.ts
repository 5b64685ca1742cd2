import { loadExampleQueries } from "@khcn/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ComparativeAnswer, provinceOf, readComparativeQuery } from "./helpers/comparative-query.ts";
import { type GraphQLAnswer, postQuery, PROVINCE_IDS, type RunningSystem, startSystem } from "./helpers/start-system.ts";

let system: RunningSystem;
let answer: GraphQLAnswer<ComparativeAnswer>;

beforeAll(async () => {
  system = await startSystem();
  answer = await system.query<ComparativeAnswer>(await readComparativeQuery());
});

afterAll(() => system?.stop());

describe("the comparative query of DESIGN.md through the gateway", () => {
  it("answers without errors, every province of the directory in its order, figures for the three with a subgraph", () => {
    expect(answer.errors).toBeUndefined();
    const provinces = answer.data!.provinces;
    expect(provinces.map((p) => p.id)).toEqual(expect.arrayContaining([...PROVINCE_IDS, "tay-ninh-2025", "bac-ninh-2025"]));
    const withFigures = provinces.filter((p) => p.documents !== null).map((p) => p.id);
    expect(withFigures.sort()).toEqual([...PROVINCE_IDS].sort());
    for (const id of PROVINCE_IDS) expect(provinceOf(answer.data, id).documents?.length).toBeGreaterThan(0);
  });

  it("takes names, codes and succession from the directory", () => {
    expect(provinceOf(answer.data, "lang-son")).toMatchObject({ name: "Lạng Sơn", gsoCode: "20", validTo: null, successor: null });
    expect(provinceOf(answer.data, "long-an")).toMatchObject({ name: "Long An", gsoCode: "80", validTo: "2025-06-30", successor: { id: "tay-ninh-2025", name: "Tây Ninh" } });
    expect(provinceOf(answer.data, "bac-giang")).toMatchObject({ name: "Bắc Giang", gsoCode: "24", validTo: "2025-06-30", successor: { id: "bac-ninh-2025", name: "Bắc Ninh" } });
  });

  it("gives Long An's figures: QMS 41/41 mandatory agencies in 2023, 41.612 billion đồng of local budget requested for 2024", () => {
    const longAn = provinceOf(answer.data, "long-an");
    expect(longAn.qmsCoverage!.every((row) => row.year === 2023)).toBe(true);
    expect(longAn.qmsCoverage).toContainEqual(expect.objectContaining({ tier: "PROVINCIAL_DISTRICT", applying: 41, total: 41, ratio: 1 }));
    expect(longAn.qmsCoverage).toContainEqual(expect.objectContaining({ tier: "COMMUNE", applying: 188, total: 188 }));
    // Eight other agencies, with no denominator in the source: no ratio is made up.
    expect(longAn.qmsCoverage).toContainEqual(expect.objectContaining({ tier: "OTHER", applying: 8, total: null, ratio: null }));
    expect(longAn.budgets).toContainEqual({ year: 2024, phase: "REQUESTED", fundingSource: "LOCAL", amountVnd: 41_612_000_000 });
    expect(longAn.budgets!.every((row) => row.year === 2024)).toBe(true);
  });

  it("gives Lạng Sơn's figures: five key tasks for 2024, its plans, QMS for 2023 stated without counts", () => {
    const lạngSơn = provinceOf(answer.data, "lang-son");
    expect(lạngSơn.tasks).toHaveLength(5);
    expect(lạngSơn.tasks!.every((task) => task.kind === "KEY_TASK")).toBe(true);
    expect(lạngSơn.tasks).toContainEqual(expect.objectContaining({ leadUnit: "Phòng Kế hoạch và Quản lý chuyên ngành", dueDate: "2024", target: { quantity: 15, unit: "doanh nghiệp, hợp tác xã" } }));
    expect(lạngSơn.tasks).toContainEqual(expect.objectContaining({ dueDate: "2024-12", target: { quantity: 5, unit: "sản phẩm" } }));
    expect(lạngSơn.documents).toContainEqual({ number: "147/KH-UBND", title: expect.any(String), issuedOn: "2023-07-04" });
    expect(lạngSơn.indicators).toContainEqual(expect.objectContaining({ name: "Đề tài, dự án KH&CN cấp tỉnh đã triển khai", value: 60, year: 2023, target: false }));
    // The plan says the system is maintained, with no counts: none are made up.
    expect(lạngSơn.qmsCoverage).toEqual([expect.objectContaining({ year: 2023, tier: "ALL", applying: null, total: null, ratio: null })]);
    expect(lạngSơn.budgets).toEqual([]);
  });

  it("gives Bắc Giang's figures: its 2023 plan (numbered blank, month precision) and its one target; no 2024 tasks", () => {
    const bắcGiang = provinceOf(answer.data, "bac-giang");
    expect(bắcGiang.documents).toEqual([{ number: null, title: expect.any(String), issuedOn: "2023-01" }]);
    expect(bắcGiang.indicators).toContainEqual(expect.objectContaining({ value: 1, unit: "nhiệm vụ", target: true, year: 2023 }));
    expect(bắcGiang.tasks).toEqual([]);
    expect(bắcGiang.qmsCoverage).toEqual([]);
  });

  it("gives each province exactly the figures its own subgraph holds: none mixed up between provinces", async () => {
    const selection = `qmsCoverage(year: 2023) { year tier applying total ratio source { document { number } quote } }
      budgets(year: 2024) { year phase fundingSource amountVnd }
      tasks(year: 2024) { kind title leadUnit dueDate target { quantity unit } }
      indicators { name value numerator denominator target unit year }
      documents { number title issuedOn }`;
    for (const id of PROVINCE_IDS) {
      const direct = await postQuery<{ thisProvince: Record<string, unknown> }>(system.provinceUrls[id], `{ thisProvince { ${selection} } }`);
      expect(direct.errors).toBeUndefined();
      const { id: _id, name: _name, gsoCode: _code, validFrom: _from, validTo: _to, successor: _successor, ...figures } = provinceOf(answer.data, id);
      expect(figures, id).toEqual(direct.data!.thisProvince);
    }
  });
});

describe("the example queries GraphiQL opens with", () => {
  it("each runs through the gateway without errors", async () => {
    for (const { file, query } of await loadExampleQueries()) {
      const { data, errors } = await system.query<Record<string, unknown[] | object>>(query);
      expect(errors, file).toBeUndefined();
      // Every root field answers: a non-empty list of provinces, or a national figure.
      for (const value of Object.values(data ?? {})) expect(Array.isArray(value) ? value.length : Object.keys(value).length, file).toBeGreaterThan(0);
      expect(Object.keys(data ?? {}).length, file).toBeGreaterThan(0);
    }
  });
});

describe("the gateway's health", () => {
  it("is live, and ready with every province matching the contract", async () => {
    expect((await system.get("/health/live")).status).toBe(200);
    const ready = await system.get("/health/ready");
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; provinces: { id: string; state: string }[]; unrouted: string[] };
    expect(body.status).toBe("ready");
    expect(body.provinces.map(({ id, state }) => ({ id, state }))).toEqual(PROVINCE_IDS.map((id) => ({ id, state: "ok" })));
    expect(body.unrouted).toEqual([]);
  });
});
