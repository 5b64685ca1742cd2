import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { graphql } from "graphql";
import type { Logger } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "./context.ts";
import { openDatabase } from "./data-source.ts";
import { importProvince } from "./import/import-province.ts";
import { buildProvinceSchema } from "./schema.ts";
import { generateSyntheticProvince } from "./synthetic/generate-synthetic-province.ts";
import { entitiesQuery } from "./testing/full-province-query.ts";
import { type TestDatabase, testDatabases } from "./testing/test-databases.ts";

class CountingLogger implements Logger {
  statements = 0;
  logQuery(query: string) {
    if (/^\s*(SELECT|INSERT|UPDATE|DELETE)/i.test(query)) {
      this.statements++;
      if (process.env.SHOW_SQL) console.log(query.slice(0, 100));
    }
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

async function countStatementsForFullQuery(database: TestDatabase, dir: string): Promise<{ statements: number; tasks: number }> {
  const logger = new CountingLogger();
  const dataSource = await openDatabase(database.config, logger);
  try {
    await importProvince(dataSource, dir);
    logger.statements = 0;
    const result = await graphql({
      schema: await buildProvinceSchema(),
      source: entitiesQuery,
      variableValues: { representations: [{ __typename: "Province", id: "synthetic" }] },
      contextValue: createContext("synthetic", dataSource),
    });
    expect(result.errors).toBeUndefined();
    const province = (result.data as { _entities: [{ tasks: unknown[] }] })._entities[0];
    return { statements: logger.statements, tasks: province.tasks.length };
  } finally {
    await dataSource.destroy();
  }
}

describe.each(testDatabases)("on $name, a query over every record", ({ create }) => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "khcn-n1-"));
    await generateSyntheticProvince(join(dir, "small"), { provinceId: "synthetic", tasks: 12 });
    await generateSyntheticProvince(join(dir, "large"), { provinceId: "synthetic", tasks: 1000 });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("runs the same number of SQL statements for 12 tasks as for 1,000, the largest page (no N+1)", async () => {
    const small = await create();
    const large = await create();
    try {
      const few = await countStatementsForFullQuery(small, join(dir, "small"));
      const many = await countStatementsForFullQuery(large, join(dir, "large"));
      expect(few.tasks).toBe(12);
      expect(many.tasks).toBe(1000);
      expect(many.statements).toBe(few.statements);
      // One statement per list (5) and per loader at each level of nesting it is used: nothing per record.
      expect(few.statements).toBeLessThanOrEqual(12);
    } finally {
      await small.drop();
      await large.drop();
    }
  });
});
