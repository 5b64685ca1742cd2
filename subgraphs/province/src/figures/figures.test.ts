import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { graphql } from "graphql";
import type { DataSource, Logger } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../context.ts";
import { openDatabase } from "../data-source.ts";
import { importProvince } from "../import/import-province.ts";
import { defaultDataDir } from "../paths.ts";
import { buildProvinceSchema } from "../schema.ts";
import { generateSyntheticProvince } from "../synthetic/generate-synthetic-province.ts";
import { type TestDatabase, testDatabases } from "../testing/test-databases.ts";

class CountingLogger implements Logger {
  statements = 0;
  logQuery(query: string) {
    if (/^\s*(SELECT|INSERT|UPDATE|DELETE)/i.test(query)) this.statements++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

interface Figure {
  measure: string;
  year: number;
  status: string;
  dimensions: { dimension: string; value: string }[];
  count: number | null;
  amountVnd: number | null;
  numerator: number | null;
  denominator: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  records: string[];
  sources: { section: string | null; quote: string; note: string | null; document: { id: string; text: string } }[];
}

const everyField = `measure year status dimensions { dimension value } count amountVnd numerator denominator periodStart periodEnd records
  sources { section quote note document { id text } }`;

const cellOf = (figure: Figure) => Object.fromEntries(figure.dimensions.map((d) => [d.dimension, d.value]));

describe.each(testDatabases)("Province.figures on $name", ({ create }) => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let loaded = "";

  beforeAll(async () => {
    database = await create();
    dataSource = await openDatabase(database.config);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  /** The province's figures, through the GraphQL schema, with the database holding that province's files. */
  async function figuresOf(province: string, args = ""): Promise<Figure[]> {
    if (loaded !== province) {
      await importProvince(dataSource, defaultDataDir(province));
      loaded = province;
    }
    const result = await graphql({
      schema: await buildProvinceSchema(),
      source: `{ thisProvince { figures${args} { ${everyField} } } }`,
      contextValue: createContext(province, dataSource),
    });
    expect(result.errors).toBeUndefined();
    return (result.data as { thisProvince: { figures: Figure[] } }).thisProvince.figures;
  }

  it("gives Long An's 2023 QMS coverage by tier, 41/41, 188/188 and 8 of no stated total, each with its sentence", async () => {
    const figures = await figuresOf("long-an", '(measure: "vn.khcn.qms.coverage", year: 2023)');
    expect(figures.map((f) => [cellOf(f).qmsTier, f.numerator, f.denominator, f.status, f.records])).toEqual([
      ["PROVINCIAL_DISTRICT", 41, 41, "REPORTED", ["qms:la-2023-qms-provincial-district"]],
      ["COMMUNE", 188, 188, "REPORTED", ["qms:la-2023-qms-commune"]],
      ["OTHER", 8, null, "REPORTED", ["qms:la-2023-qms-other"]],
    ]);
    for (const figure of figures) {
      expect(figure.count).toBeNull();
      expect(figure.amountVnd).toBeNull();
      expect(figure.sources.length).toBeGreaterThanOrEqual(1);
      for (const source of figure.sources) expect(source.document.text).toContain(source.quote);
    }
    expect(figures[0]!.sources[0]!.quote).toContain("Tất cả 41/41 cơ quan HCNN cấp tỉnh, cấp huyện");
    // The evidence behind the record comes with it: the 2024 plan counts the same tier as 42.
    expect(figures[0]!.sources.map((s) => s.quote)).toContainEqual(expect.stringContaining("42/42"));
    expect(figures[2]!.sources[0]!.quote).toContain("08 cơ quan HCNN khác");
  });

  it("gives Long An's other figures: the 2024 request by source, and the four indicators with catalogue codes", async () => {
    const figures = await figuresOf("long-an");
    const summary = figures
      .filter((f) => f.measure !== "vn.khcn.qms.coverage")
      .map((f) => [f.measure, f.year, cellOf(f), f.count ?? f.amountVnd, f.periodEnd, f.records]);
    expect(summary).toEqual([
      ["vn.khcn.budget.st_funds", 2024, { budgetPhase: "REQUESTED", fundingSource: "LOCAL" }, 41_612_000_000, null, ["budgets:la-2024-requested-local"]],
      ["vn.khcn.task.active_count", 2023, { provinceTaskLevel: "DISTRICT" }, 18, "2023", ["indicators:la-2023-district-tasks"]],
      ["vn.khcn.task.central_active_count", 2023, { centralTaskLevel: "NATIONAL_OR_MINISTRY" }, 3, "2023", ["indicators:la-2023-national-tasks"]],
      ["vn.khcn.org.st_organisations", 2023, {}, 9, null, ["indicators:la-2023-st-organisations"]],
      ["vn.khcn.enterprise.st_enterprises_certified", 2023, {}, 22, "2023-06", ["indicators:la-2023-st-enterprises"]],
    ]);
    // The 2023 allocation states no funding source, and the amount used is up to a report date inside 2023: neither is a figure.
    expect(figures.flatMap((f) => f.records)).not.toContain("budgets:la-2023-allocated");
    expect(figures.flatMap((f) => f.records)).not.toContain("budgets:la-2023-disbursed");
  });

  it("filters by measure, year and status, and gives every figure without arguments", async () => {
    const all = await figuresOf("long-an");
    const planned = await figuresOf("long-an", "(status: PLANNED)");
    const qms2024 = await figuresOf("long-an", '(measure: "vn.khcn.qms.coverage", year: 2024)');
    const none = await figuresOf("long-an", '(measure: "local.inspections.facilities")');
    expect(all).toHaveLength(11);
    expect(planned.map((f) => [f.measure, f.year, cellOf(f).qmsTier, f.numerator, f.denominator])).toEqual([
      ["vn.khcn.qms.coverage", 2024, "PROVINCIAL_DISTRICT", 42, 42],
      ["vn.khcn.qms.coverage", 2024, "COMMUNE", 188, 188],
      ["vn.khcn.qms.coverage", 2024, "OTHER", 8, null],
    ]);
    expect(qms2024).toEqual(planned);
    expect(none).toEqual([]);
    expect((await figuresOf("long-an", "(year: 2023)")).every((f) => f.year === 2023)).toBe(true);
  });

  it("counts Lạng Sơn's five key tasks of 2024, each task a record with its sentence", async () => {
    const figures = await figuresOf("lang-son");
    expect(figures).toEqual([
      expect.objectContaining({
        measure: "vn.khcn.keytask.count",
        year: 2024,
        status: "REPORTED",
        dimensions: [{ dimension: "keyTaskAssignedBy", value: "PROVINCE_ASSIGNED" }],
        count: 5,
        records: ["tasks:ls-2024-kt-1", "tasks:ls-2024-kt-2", "tasks:ls-2024-kt-3", "tasks:ls-2024-kt-4", "tasks:ls-2024-kt-5"],
      }),
    ]);
    const [keyTasks] = figures;
    expect(keyTasks!.sources).toHaveLength(5);
    expect(keyTasks!.sources[0]!.quote).toContain("1. Nhiệm vụ 1:");
    for (const source of keyTasks!.sources) expect(source.document.text).toContain(source.quote);
  });

  it("counts Bắc Giang's three assigned and three registered key tasks of 2023, and nothing else", async () => {
    const figures = await figuresOf("bac-giang");
    expect(figures.map((f) => [f.measure, f.year, cellOf(f).keyTaskAssignedBy, f.count, f.records.length])).toEqual([
      ["vn.khcn.keytask.count", 2023, "PROVINCE_ASSIGNED", 3, 3],
      ["vn.khcn.keytask.count", 2023, "DIRECTOR_REGISTERED", 3, 3],
    ]);
  });
});

describe.each(testDatabases)("Province.figures' SQL on $name", ({ create }) => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "khcn-figures-"));
    await generateSyntheticProvince(join(dir, "small"), { provinceId: "synthetic", tasks: 12 });
    await generateSyntheticProvince(join(dir, "large"), { provinceId: "synthetic", tasks: 1200 });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function countStatements(folder: string): Promise<{ statements: number; records: number }> {
    const database = await create();
    const logger = new CountingLogger();
    const dataSource = await openDatabase(database.config, logger);
    try {
      await importProvince(dataSource, folder);
      logger.statements = 0;
      const result = await graphql({
        schema: await buildProvinceSchema(),
        source: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Province {
          figures { ${everyField.replace("document { id text }", "document { id number title }")} }
          reported: figures(status: REPORTED) { measure records sources { quote } }
        } } }`,
        variableValues: { r: [{ __typename: "Province", id: "synthetic" }] },
        contextValue: createContext("synthetic", dataSource),
      });
      expect(result.errors).toBeUndefined();
      const figures = (result.data as { _entities: [{ figures: Figure[] }] })._entities[0].figures;
      expect(new Set(figures.map((f) => f.measure))).toEqual(
        new Set(["vn.khcn.qms.coverage", "vn.khcn.budget.st_funds", "vn.khcn.keytask.count", "vn.khcn.org.st_organisations"]),
      );
      return { statements: logger.statements, records: figures.reduce((n, f) => n + f.records.length, 0) };
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  }

  it("runs as many statements for 1,200 tasks as for 12, whatever the records behind the figures", async () => {
    const few = await countStatements(join(dir, "small"));
    const many = await countStatements(join(dir, "large"));
    expect(many.records).toBeGreaterThan(few.records * 20);
    expect(many.statements).toBe(few.statements);
    // Four reads of records, the key tasks' documents, the evidence, the sources' documents: nothing per record.
    expect(few.statements).toBeLessThanOrEqual(7);
  });
});
