import { graphql } from "graphql";
import { DataSource, type Logger } from "typeorm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createContext } from "../context.ts";
import { type DatabaseConfig, migrations, openDatabase } from "../data-source.ts";
import { SourceDocument } from "../entities.ts";
import { DocumentTexts1795737600000 } from "../migrations/1795737600000-document-texts.ts";
import { importProvince } from "../import/import-province.ts";
import { defaultDataDir } from "../paths.ts";
import { buildProvinceSchema } from "../schema.ts";
import { type TestDatabase, testDatabases } from "../testing/test-databases.ts";

class RecordingLogger implements Logger {
  statements: string[] = [];
  logQuery(query: string) {
    if (/^\s*SELECT/i.test(query)) this.statements.push(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

const readsText = (statement: string) => /\."text"/.test(statement);

describe.each(testDatabases)("a document's text on $name", ({ create }) => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const logger = new RecordingLogger();

  async function run(source: string) {
    logger.statements = [];
    const result = await graphql({ schema: await buildProvinceSchema(), source, contextValue: createContext("long-an", dataSource) });
    expect(result.errors).toBeUndefined();
    return { data: result.data as { thisProvince: Record<string, any> }, statements: logger.statements };
  }

  beforeAll(async () => {
    database = await create();
    dataSource = await openDatabase(database.config, logger);
    await importProvince(dataSource, defaultDataDir("long-an"));
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });
  beforeEach(() => {
    logger.statements = [];
  });

  it("is not read for the comparative dashboard's documents { number title issuedOn }", async () => {
    const { data, statements } = await run("{ thisProvince { documents { number title issuedOn } } }");
    expect(data.thisProvince.documents).toHaveLength(1);
    expect(statements).toHaveLength(1);
    expect(statements.filter(readsText)).toEqual([]);
  });

  it("is read when asked, in one statement for every document of the request", async () => {
    const { data, statements } = await run(`{ thisProvince {
      documents { id text }
      tasks { source { document { id text } } }
      qmsCoverage { source { document { text } } evidence { document { text } } }
    } }`);
    expect(data.thisProvince.documents[0].text).toContain("39.651 triệu đồng");
    expect(data.thisProvince.tasks[0].source.document.text).toBe(data.thisProvince.documents[0].text);
    expect(statements.filter(readsText)).toHaveLength(1);
  });
});

/** A database as the release before the texts left it: the schema of the earlier migrations only. */
function previousRelease(config: DatabaseConfig): DataSource {
  const earlier = migrations.slice(0, migrations.indexOf(DocumentTexts1795737600000));
  return config.type === "sqlite"
    ? new DataSource({ type: "better-sqlite3", database: config.file, migrations: earlier })
    : new DataSource({ type: "postgres", url: config.url, migrations: earlier });
}

describe.each(testDatabases)("a database loaded before the texts, on $name", ({ create }) => {
  it("keeps its documents through the migration and gets their texts at the next import", async () => {
    const database = await create();
    try {
      const old = await previousRelease(database.config).initialize();
      await old.runMigrations({ transaction: "all" });
      await old.query(
        "INSERT INTO documents (id, title, kind, issuer, file, truncated) VALUES ('kh-khcn-dmst-2024-long-an', 'old title', 'Kế hoạch', 'Sở', '001_8d2f8cf66f8fc933.txt', false)",
      );
      await old.destroy();

      const dataSource = await openDatabase(database.config);
      try {
        const documents = dataSource.getRepository(SourceDocument);
        const migrated = await documents.find({ select: { id: true, title: true, sha256: true, text: true } });
        expect(migrated).toEqual([expect.objectContaining({ id: "kh-khcn-dmst-2024-long-an", title: "old title", sha256: null, text: null })]);
        const report = await importProvince(dataSource, defaultDataDir("long-an"));
        expect(report.documents).toEqual({ added: 0, updated: 1, removed: 0, unchanged: 0 });
        const [loaded] = await documents.find({ select: { id: true, sha256: true, text: true } });
        expect(loaded!.text).toContain("39.651 triệu đồng");
        expect(loaded!.sha256).toBe("06c85ec01604962f9a145671220b16426b5a38710e4d1072a645002049d2b2e0");
      } finally {
        await dataSource.destroy();
      }
    } finally {
      await database.drop();
    }
  });
});
