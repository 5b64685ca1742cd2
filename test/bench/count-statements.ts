import { createContext, type DatabaseConfig, openDatabase, buildProvinceSchema } from "@khcn/province";
import { graphql } from "graphql";
import type { Logger } from "typeorm";
import { directProvinceQuery, representationsOf } from "./bench-queries.ts";

/** Counts the SQL statements a data source sends; schema work and transactions do not count. */
class StatementCounter implements Logger {
  statements = 0;
  logQuery(query: string) {
    if (/^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(query)) this.statements++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

/** The SQL statements one province runs to answer its share of the comparative query. */
export async function countStatementsPerRequest(provinceId: string, database: DatabaseConfig): Promise<number> {
  const counter = new StatementCounter();
  const dataSource = await openDatabase(database, counter);
  try {
    counter.statements = 0;
    const result = await graphql({
      schema: await buildProvinceSchema(),
      source: directProvinceQuery,
      variableValues: representationsOf(provinceId),
      contextValue: createContext(provinceId, dataSource),
    });
    if (result.errors?.length) throw new Error(`the province query failed: ${result.errors[0]!.message}`);
    return counter.statements;
  } finally {
    await dataSource.destroy();
  }
}
