import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../data-source.ts";
import { Indicator } from "../entities.ts";
import { defaultDataDir } from "../paths.ts";
import { cell, editCsv, rowWithId, snapshot } from "../testing/province-files.ts";
import { type TestDatabase, testDatabases } from "../testing/test-databases.ts";
import { ImportValidationError } from "./import-error.ts";
import { importProvince } from "./import-province.ts";

/** The spreadsheet row (header = 1) of the record with this id. */
const sheetRow = (rows: string[][], id: string) => rowWithId(rows, id) + 1;

describe.each(testDatabases)("indicators.csv checked against the national catalogue, on $name", ({ create }) => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), "khcn-catalogue-"));
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));
  beforeEach(async () => {
    database = await create();
    dataSource = await openDatabase(database.config);
    await importProvince(dataSource, defaultDataDir("long-an"));
  });
  afterEach(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  /** A copy of a province's folder with one officer's edit to indicators.csv, and an edit elsewhere that must wait for it. */
  async function editedCopy(province: string, edit: (rows: string[][]) => void): Promise<string> {
    const dir = join(scratch, `${province}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
    await cp(defaultDataDir(province), dir, { recursive: true });
    await editCsv(join(dir, "indicators.csv"), edit);
    await editCsv(join(dir, "qms.csv"), (rows) => rows.length > 1 && cell(rows, 1, "note").set("changed, but must not be written"));
    return dir;
  }

  async function refusal(dir: string): Promise<ImportValidationError> {
    const failure = await importProvince(dataSource, dir).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ImportValidationError);
    return failure as ImportValidationError;
  }

  it("loads the provinces' figures with their catalogue codes and dimensions", async () => {
    const district = await dataSource.getRepository(Indicator).findOneByOrFail({ id: "la-2023-district-tasks" });
    expect(district).toMatchObject({ code: "vn.khcn.task.active_count", dimensions: "provinceTaskLevel=DISTRICT", unit: "task" });
    const local = await dataSource.getRepository(Indicator).findOneByOrFail({ id: "la-2023-inspections" });
    expect(local).toMatchObject({ code: "local.inspections.facilities", dimensions: null, numerator: 183, denominator: 337 });
  });

  it("refuses a code the catalogue does not know, naming file, row and field, and writes nothing", async () => {
    const before = await snapshot(dataSource);
    let rows: { district: number; organisations: number } = { district: 0, organisations: 0 };
    const dir = await editedCopy("long-an", (csv) => {
      rows = { district: sheetRow(csv, "la-2023-district-tasks"), organisations: sheetRow(csv, "la-2023-st-organisations") };
      cell(csv, rows.district - 1, "code").set("vn.khcn.task.district_count");
      cell(csv, rows.organisations - 1, "code").set("st_organisations.count"); // the province's label from before the catalogue
    });
    const failure = await refusal(dir);
    expect(failure.problems).toEqual([
      {
        file: "indicators.csv",
        row: rows.district,
        field: "code",
        message: '"vn.khcn.task.district_count" is not a measure of the national catalogue (version 2026.1); a figure with no national counterpart takes a local code',
      },
      {
        file: "indicators.csv",
        row: rows.organisations,
        field: "code",
        message: expect.stringContaining('(a province\'s own label is written "local.st_organisations.count")'),
      },
    ]);
    expect(failure.message).toContain(`indicators.csv, row ${rows.district}, field "code"`);
    expect(await snapshot(dataSource)).toEqual(before);
  });

  it("refuses a unit that contradicts the measure's, and writes nothing", async () => {
    const before = await snapshot(dataSource);
    let row = 0;
    const dir = await editedCopy("long-an", (csv) => {
      row = sheetRow(csv, "la-2023-st-organisations");
      cell(csv, row - 1, "unit").set("tổ chức");
    });
    const failure = await refusal(dir);
    expect(failure.problems).toEqual([
      {
        file: "indicators.csv",
        row,
        field: "unit",
        message: '"tổ chức" contradicts the unit of vn.khcn.org.st_organisations: its figures are in "organisation"',
      },
    ]);
    expect(await snapshot(dataSource)).toEqual(before);
  });

  it("refuses Lạng Sơn's 18-month count of national tasks as a yearly measure, and says to keep it local", async () => {
    const before = await snapshot(dataSource);
    let row = 0;
    const dir = await editedCopy("lang-son", (csv) => {
      row = sheetRow(csv, "ls-2023-national-tasks");
      cell(csv, row - 1, "code").set("vn.khcn.task.central_active_count");
      cell(csv, row - 1, "dimensions").set("centralTaskLevel=NATIONAL");
      cell(csv, row - 1, "unit").set("task");
    });
    const failure = await refusal(dir);
    expect(failure.problems).toEqual([
      {
        file: "indicators.csv",
        row,
        field: "period_start",
        message: "covers 2022-01-01 to 2023-06-30 (18 months), not the calendar year 2023: a YEAR measure needs the whole year; keep it under a local. code",
      },
    ]);
    expect(await snapshot(dataSource)).toEqual(before);
  });

  it("refuses a malformed dimension, an unknown value, and a dimension the measure does not have", async () => {
    const before = await snapshot(dataSource);
    let rows = { district: 0, national: 0, enterprises: 0 };
    const dir = await editedCopy("long-an", (csv) => {
      rows = {
        district: sheetRow(csv, "la-2023-district-tasks"),
        national: sheetRow(csv, "la-2023-national-tasks"),
        enterprises: sheetRow(csv, "la-2023-st-enterprises"),
      };
      cell(csv, rows.district - 1, "dimensions").set("provinceTaskLevel:DISTRICT");
      cell(csv, rows.national - 1, "dimensions").set("centralTaskLevel=STATE");
      cell(csv, rows.enterprises - 1, "dimensions").set("provinceTaskLevel=DISTRICT");
    });
    const failure = await refusal(dir);
    expect(failure.problems).toEqual([
      {
        file: "indicators.csv",
        row: rows.district,
        field: "dimensions",
        message: expect.stringContaining('"provinceTaskLevel:DISTRICT" is not dimensionId=VALUE'),
      },
      {
        file: "indicators.csv",
        row: rows.national,
        field: "dimensions",
        message: 'unknown value "STATE" of centralTaskLevel; expected one of NATIONAL, MINISTRY, NATIONAL_OR_MINISTRY',
      },
      {
        file: "indicators.csv",
        row: rows.enterprises,
        field: "dimensions",
        message: '"provinceTaskLevel" is not a dimension of vn.khcn.enterprise.st_enterprises_certified; it has none',
      },
    ]);
    expect(await snapshot(dataSource)).toEqual(before);
  });
});
