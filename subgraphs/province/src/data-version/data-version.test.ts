import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { graphql } from "graphql";
import type { DataSource } from "typeorm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createContext } from "../context.ts";
import { openDatabase } from "../data-source.ts";
import { importProvince } from "../import/import-province.ts";
import { defaultDataDir } from "../paths.ts";
import { buildProvinceSchema } from "../schema.ts";
import { cell, editCsv } from "../testing/province-files.ts";
import { type TestDatabase, testDatabases } from "../testing/test-databases.ts";

interface Version {
  dataVersion: string | null;
  dataChangedAt: string | null;
}

describe.each(testDatabases)("the data version on $name", ({ create }) => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let scratch: string;

  async function version(): Promise<Version> {
    const result = await graphql({
      schema: await buildProvinceSchema(),
      source: "{ thisProvince { dataVersion dataChangedAt } }",
      contextValue: createContext("long-an", dataSource),
    });
    expect(result.errors).toBeUndefined();
    return (result.data as { thisProvince: Version }).thisProvince;
  }

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), "khcn-version-"));
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));
  beforeEach(async () => {
    database = await create();
    dataSource = await openDatabase(database.config);
  });
  afterEach(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it("moves with every import that changes a row, and only then", async () => {
    const dir = join(scratch, `edit-${Date.now()}`);
    await cp(defaultDataDir("long-an"), dir, { recursive: true });
    const empty = await version();
    expect(empty.dataVersion).toMatch(/^[0-9a-f-]{36}$/);

    await importProvince(dataSource, dir);
    const loaded = await version();
    expect(loaded.dataVersion).not.toBe(empty.dataVersion);
    expect(Date.parse(loaded.dataChangedAt!)).toBeGreaterThanOrEqual(Date.parse(empty.dataChangedAt!));

    await importProvince(dataSource, dir);
    expect(await version()).toEqual(loaded);

    await editCsv(join(dir, "qms.csv"), (rows) => cell(rows, 1, "note").set("Reviewed by the provincial officer"));
    await importProvince(dataSource, dir);
    const edited = await version();
    expect(edited.dataVersion).not.toBe(loaded.dataVersion);

    // A refused import writes nothing, the version included.
    await editCsv(join(dir, "budgets.csv"), (rows) => cell(rows, 1, "amount_vnd").set("39.651"));
    await expect(importProvince(dataSource, dir)).rejects.toThrow(/amount_vnd/);
    expect(await version()).toEqual(edited);
  });
});
