import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningProvince, startProvinceSubgraph } from "../start-province-subgraph.ts";
import { entitiesQuery } from "../testing/full-province-query.ts";
import { type TestDatabase, testDatabases } from "../testing/test-databases.ts";

async function post(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: Record<string, any>; errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] };
}

const representation = (id: string) => ({ __typename: "Province", id });

describe.each(testDatabases)("Long An's subgraph on $name", ({ create }) => {
  let database: TestDatabase;
  let province: RunningProvince;

  beforeAll(async () => {
    database = await create();
    province = await startProvinceSubgraph({ provinceId: "long-an", database: database.config, port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await province?.stop();
    await database?.drop();
  });

  it("loads its files on first start and answers with every record traceable to a sentence", async () => {
    expect(province.imported?.documents.added).toBeGreaterThan(0);
    const { data, errors } = await post(province.url, entitiesQuery, { representations: [representation("long-an")] });
    expect(errors).toBeUndefined();
    const longAn = data!._entities[0];
    expect(longAn.id).toBe("long-an");
    const qms2023 = longAn.qmsCoverage.filter((q: any) => q.year === 2023 && q.tier === "PROVINCIAL_DISTRICT");
    expect(qms2023).toEqual([expect.objectContaining({ applying: 41, total: 41, ratio: 1, mandatory: true, status: "REPORTED" })]);
    for (const record of [...longAn.tasks, ...longAn.budgets, ...longAn.qmsCoverage, ...longAn.indicators]) {
      expect(record.source.quote.length).toBeGreaterThan(0);
      expect(record.source.document.id).toBeTruthy();
    }
  });

  it("keeps money exact and absent figures null: the 2024 request has no central-budget amount, not 0", async () => {
    const { data } = await post(province.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Province { budgets(year: 2024) { phase fundingSource amountVnd } } } }`, {
      r: [representation("long-an")],
    });
    const budgets = data!._entities[0].budgets as { phase: string; fundingSource: string | null; amountVnd: number | null }[];
    expect(budgets).toContainEqual({ phase: "REQUESTED", fundingSource: "LOCAL", amountVnd: 41_612_000_000 });
    expect(budgets).toContainEqual({ phase: "REQUESTED", fundingSource: "CENTRAL", amountVnd: null });
  });

  it("filters by argument, and returns every year without one", async () => {
    const { data } = await post(province.url, `{ thisProvince { all: qmsCoverage { year } planned: qmsCoverage(year: 2024, status: PLANNED) { year status } } }`);
    const { all, planned } = data!.thisProvince;
    expect(new Set(all.map((q: { year: number }) => q.year))).toEqual(new Set([2023, 2024]));
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.every((q: { year: number; status: string }) => q.year === 2024 && q.status === "PLANNED")).toBe(true);
  });

  it("refuses a representation of another province with a clear error, and still answers its own", async () => {
    const { data, errors } = await post(province.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Province { id } } }`, {
      r: [representation("long-an"), representation("lang-son")],
    });
    expect(data!._entities).toEqual([{ id: "long-an" }, null]);
    expect(errors).toEqual([
      expect.objectContaining({
        path: ["_entities", 1],
        message: 'This subgraph serves province "long-an"; it was asked for "lang-son"',
        extensions: expect.objectContaining({ code: "WRONG_PROVINCE", requested: "lang-son" }),
      }),
    ]);
  });

  it("answers its health check", async () => {
    const response = await fetch(new URL("/health", province.url));
    expect(await response.json()).toEqual({ status: "ok", province: "long-an" });
  });
});
