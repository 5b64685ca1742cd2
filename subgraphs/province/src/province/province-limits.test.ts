import { defaultOperationLimits } from "@khcn/shared";
import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type RunningProvince, startProvinceSubgraph } from "../start-province-subgraph.ts";
import { entitiesQuery } from "../testing/full-province-query.ts";
import { type TestDatabase, testDatabases } from "../testing/test-databases.ts";
import { pageSizes } from "./page-sizes.ts";

interface Answer {
  status: number;
  body: { data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

const longAn = { representations: [{ __typename: "Province", id: "long-an" }] };

// The national figures' query, as gateway/src/national/ask-provinces-for-figures.ts sends it.
const figuresQuery = `query NationalFigures($representations: [_Any!]!, $measure: String, $year: Int) {
  _entities(representations: $representations) {
    ... on Province {
      figures(measure: $measure, year: $year) {
        measure year status dimensions { dimension value }
        count amountVnd numerator denominator periodStart periodEnd records
        sources { section quote note document { number title } }
      }
    }
  }
}`;

// SQLite is enough here: what is under test is refused before any database work.
describe("Long An's own endpoint under hostile traffic", () => {
  let database: TestDatabase;
  let province: RunningProvince;
  let statements: ReturnType<typeof vi.spyOn>;

  async function post(query: string, variables?: Record<string, unknown>): Promise<Answer> {
    const response = await fetch(province.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, body: (await response.json()) as Answer["body"] };
  }

  /** Refused whole, with one error naming the limit, and the database never asked. */
  async function expectRefused(answer: Promise<Answer>, code: string) {
    statements.mockClear();
    const { status, body } = await answer;
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions!.code).toBe(code);
    expect(statements).not.toHaveBeenCalled();
  }

  beforeAll(async () => {
    database = await testDatabases[0].create();
    province = await startProvinceSubgraph({ provinceId: "long-an", database: database.config, port: 0, host: "127.0.0.1" });
    // Every statement TypeORM sends goes through a query runner of the data source.
    statements = vi.spyOn(province.dataSource, "createQueryRunner");
  });
  afterAll(async () => {
    await province?.stop();
    await database?.drop();
  });

  it("answers the gateway's own queries, the contract check and GraphiQL's introspection within the limits", async () => {
    for (const [query, variables] of [
      [entitiesQuery, longAn],
      [figuresQuery, { ...longAn, measure: "vn.khcn.qms.coverage", year: 2023 }],
      ["{ _service { sdl } }", undefined],
      [getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }), undefined],
    ] as const) {
      const { status, body } = await post(query, variables);
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
    }
  });

  it("shows the counter counts: an honest query does reach the database", async () => {
    statements.mockClear();
    await post(entitiesQuery, longAn);
    expect(statements).toHaveBeenCalled();
  });

  it("refuses 10,000 aliases (the 94 MB answer) while parsing", async () => {
    const query = `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: thisProvince { tasks { id title } }`).join(" ")} }`;
    await expectRefused(post(query), "MAX_TOKENS_EXCEEDED");
  });

  it("refuses aliases over the limit in a short query", async () => {
    const query = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: thisProvince { id }`).join(" ")} }`;
    await expectRefused(post(query), "MAX_ALIASES_EXCEEDED");
  });

  it("refuses 32 levels of nesting (the province's types have no cycle; introspection's do)", async () => {
    const levels = 15; // `fields { type {` twice a level: 32 levels with __type and the leaf
    const query = `{ __type(name: "Province") { ${"fields { type { ".repeat(levels)}name${" } }".repeat(levels)} } }`;
    await expectRefused(post(query), "MAX_DEPTH_EXCEEDED");
  });

  it("refuses 10,000 _entities representations (the 40 MB answer that blocked everyone for 4.7 s)", async () => {
    const representations = Array.from({ length: 10_000 }, () => longAn.representations[0]);
    await expectRefused(post(entitiesQuery, { representations }), "MAX_REPRESENTATIONS_EXCEEDED");
  });

  it("refuses a 1 MB token flood", async () => {
    await expectRefused(post(`{ thisProvince { ${"id ".repeat(350_000)}} }`), "MAX_TOKENS_EXCEEDED");
  });

  it("keeps the refusals' limits as the defaults say", () => {
    expect(defaultOperationLimits.maxRepresentations).toBeLessThan(10_000);
    expect(defaultOperationLimits.maxAliases).toBeLessThan(100);
  });
});

describe("pages of Long An's lists", () => {
  let database: TestDatabase;
  let province: RunningProvince;

  beforeAll(async () => {
    database = await testDatabases[0].create();
    province = await startProvinceSubgraph({ provinceId: "long-an", database: database.config, port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await province?.stop();
    await database?.drop();
  });

  async function post(query: string): Promise<Answer> {
    const response = await fetch(province.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
    return { status: response.status, body: (await response.json()) as Answer["body"] };
  }

  it("answers every real record when no limit is given: the defaults keep today's answers whole", async () => {
    const { body } = await post("{ thisProvince { taskCount tasks { id } indicators { id } budgets { id } qmsCoverage { id } documents { id } } }");
    expect(body.errors).toBeUndefined();
    const p = body.data!.thisProvince;
    expect(p.tasks).toHaveLength(p.taskCount);
    // Long An's files: 50 indicators, 5 budget lines, 6 QMS rows, 1 document (data/long-an/*.csv).
    expect([p.indicators.length, p.budgets.length, p.qmsCoverage.length, p.documents.length]).toEqual([50, 5, 6, 1]);
    for (const [field, size] of Object.entries({ tasks: p.tasks.length, indicators: 50, budgets: 5, qmsCoverage: 6, documents: 1 })) {
      expect(size, field).toBeLessThanOrEqual(pageSizes[field as keyof typeof pageSizes].byDefault / 4);
    }
  });

  it("pages with limit and offset", async () => {
    const { body } = await post("{ thisProvince { first: indicators(limit: 2) { id } next: indicators(limit: 2, offset: 2) { id } all: indicators { id } } }");
    const { first, next, all } = body.data!.thisProvince;
    expect([...first, ...next]).toEqual(all.slice(0, 4));
  });

  it.each(Object.entries(pageSizes))("refuses %s(limit:) over its maximum, naming the argument and the maximum", async (field, { max }) => {
    const { body } = await post(`{ thisProvince { ${field}(limit: ${max + 1}) { id } } }`);
    expect(body.data!.thisProvince[field]).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({ message: `${field}(limit:) must be between 0 and ${max}, got ${max + 1}`, extensions: expect.objectContaining({ code: "BAD_USER_INPUT", argument: "limit", maximum: max }) }),
    ]);
  });

  it("answers a bad variable value with BAD_USER_INPUT and HTTP 400", async () => {
    const response = await fetch(province.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "query($y: Int) { thisProvince { tasks(year: $y) { id } } }", variables: { y: "2025-13-45" } }),
    });
    const body = (await response.json()) as Answer["body"];
    expect(response.status).toBe(400);
    expect(body.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });
});
