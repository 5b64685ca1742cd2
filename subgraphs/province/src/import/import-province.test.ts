import { createHash } from "node:crypto";
import { appendFile, cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { graphql } from "graphql";
import type { DataSource } from "typeorm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createContext } from "../context.ts";
import { openDatabase } from "../data-source.ts";
import { entities, Evidence, SourceDocument } from "../entities.ts";
import { defaultDataDir } from "../paths.ts";
import { buildProvinceSchema } from "../schema.ts";
import { cell, editCsv, snapshot } from "../testing/province-files.ts";
import { type TestDatabase, testDatabases } from "../testing/test-databases.ts";
import { countChanges } from "./apply-province-data.ts";
import { ImportValidationError } from "./import-error.ts";
import { importProvince } from "./import-province.ts";

const provinces = ["lang-son", "long-an", "bac-giang"] as const;

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");
const longAnText = "001_8d2f8cf66f8fc933.txt";

async function storedTexts(dataSource: DataSource): Promise<Record<string, string | null>> {
  const documents = await dataSource.getRepository(SourceDocument).find({ select: { id: true, text: true } });
  return Object.fromEntries(documents.map((d) => [d.id, d.text ?? null]));
}

describe.each(testDatabases)("importing on $name", ({ create }) => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), "khcn-import-"));
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

  it.each(provinces)("loads %s's files, and loading them again changes nothing", async (province) => {
    const first = await importProvince(dataSource, defaultDataDir(province));
    expect(first.documents.added).toBeGreaterThan(0);
    expect(first.tasks.added + first.indicators.added).toBeGreaterThan(0);
    const before = await snapshot(dataSource);
    const second = await importProvince(dataSource, defaultDataDir(province));
    expect(countChanges(second)).toBe(0);
    expect(await snapshot(dataSource)).toEqual(before);
  });

  it("applies an officer's edit as one update, and a deleted row as one removal", async () => {
    const dir = join(scratch, `edit-${Date.now()}`);
    await cp(defaultDataDir("long-an"), dir, { recursive: true });
    await importProvince(dataSource, dir);
    let editedId = "";
    await editCsv(join(dir, "qms.csv"), (rows) => {
      editedId = cell(rows, 1, "id").get();
      cell(rows, 1, "note").set("Reviewed by the provincial officer");
    });
    await editCsv(join(dir, "indicators.csv"), (rows) => {
      const parents = new Set(rows.slice(1).map((r) => r[rows[0]!.indexOf("parent")]));
      const leaf = rows.findIndex((r, i) => i > 0 && !parents.has(r[rows[0]!.indexOf("id")]!));
      rows.splice(leaf, 1);
    });
    const report = await importProvince(dataSource, dir);
    expect(report.qms.updated).toBe(1);
    expect(report.indicators.removed).toBe(1);
    expect(countChanges(report)).toBe(2);
    const edited = await dataSource.query(`SELECT note FROM qms_coverage WHERE id = '${editedId}'`);
    expect(edited[0].note).toBe("Reviewed by the provincial officer");
  });

  it("names every problem of a broken folder by file, row and field, and writes nothing", async () => {
    await importProvince(dataSource, defaultDataDir("long-an"));
    const before = await snapshot(dataSource);
    const dir = join(scratch, `broken-${Date.now()}`);
    await cp(defaultDataDir("long-an"), dir, { recursive: true });
    // Edits are chosen to be valid except for one mistake each, the kinds an officer makes.
    await editCsv(join(dir, "budgets.csv"), (rows) => {
      cell(rows, 1, "amount_vnd").set("39.651"); // a Vietnamese-formatted number where whole đồng belong
      cell(rows, 1, "note").set("changed, but must not be written");
    });
    await editCsv(join(dir, "indicators.csv"), (rows) => cell(rows, 1, "category").set("SPORTS"));
    await editCsv(join(dir, "tasks.csv"), (rows) => cell(rows, 1, "quote").set(""));
    await editCsv(join(dir, "qms.csv"), (rows) => rows.push(["la-broken", "2023", "COMMUNE"]));

    const failure = await importProvince(dataSource, dir).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ImportValidationError);
    const problems = (failure as ImportValidationError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "budgets.csv", row: 2, field: "amount_vnd", message: expect.stringContaining("digits only") }),
        expect.objectContaining({ file: "indicators.csv", row: 2, field: "category", message: expect.stringContaining('unknown category "SPORTS"') }),
        expect.objectContaining({ file: "tasks.csv", row: 2, field: "quote", message: "is required" }),
        expect.objectContaining({ file: "qms.csv", message: expect.stringMatching(/^malformed row: 3 cells/) }),
      ]),
    );
    expect(problems).toHaveLength(4);
    expect((failure as Error).message).toContain('budgets.csv, row 2, field "amount_vnd"');
    expect(await snapshot(dataSource)).toEqual(before);
  });

  it("refuses on either database what PostgreSQL's columns would refuse, and counts rows as a spreadsheet does", async () => {
    const dir = join(scratch, `limits-${Date.now()}`);
    await cp(defaultDataDir("long-an"), dir, { recursive: true });
    await editCsv(join(dir, "qms.csv"), (rows) => {
      cell(rows, 1, "section").set("A.III.1.5 ".repeat(7)); // 70 characters where the column holds 50
      cell(rows, 2, "applying").set("3000000000");
      cell(rows, 2, "total").set("3000000001");
    });
    await editCsv(join(dir, "tasks.csv"), (rows) => {
      cell(rows, 1, "start").set("2024-03");
      cell(rows, 1, "due").set("2023-12");
    });
    let brokenRow = 0;
    await editCsv(join(dir, "evidence.csv"), (rows) => {
      const header = rows[0]!;
      const row = (values: Record<string, string>) => header.map((column) => values[column] ?? "");
      // A quote with a line break is one spreadsheet row over two lines of the file.
      rows.push(row({ record: "qms:la-2024-qms-commune", document: "kh-khcn-dmst-2024-long-an", quote: "first line\nsecond line" }));
      rows.push(row({ record: "qms:la-2024-qms-commune", document: "no-such-document", quote: "x" }));
      brokenRow = rows.length;
    });
    const failure = (await importProvince(dataSource, dir).catch((e: unknown) => e)) as ImportValidationError;
    expect(failure).toBeInstanceOf(ImportValidationError);
    expect(failure.problems).toEqual([
      expect.objectContaining({ file: "qms.csv", row: 2, field: "section", message: "must be at most 50 characters" }),
      expect.objectContaining({ file: "qms.csv", row: 3, field: "applying", message: "must be at most 2147483647" }),
      expect.objectContaining({ file: "qms.csv", row: 3, field: "total", message: "must be at most 2147483647" }),
      expect.objectContaining({ file: "evidence.csv", row: brokenRow, field: "document", message: 'no row of documents.csv has the id "no-such-document"' }),
      expect.objectContaining({ file: "tasks.csv", row: 2, field: "due", message: "2023-12 is before the start 2024-03" }),
    ]);
    expect(await dataSource.getRepository(entities[0]!).count()).toBe(0);
  });

  it("takes a due date less precise than the start, and evidence for a funding share", async () => {
    const dir = join(scratch, `accepted-${Date.now()}`);
    await cp(defaultDataDir("long-an"), dir, { recursive: true });
    await editCsv(join(dir, "tasks.csv"), (rows) => {
      cell(rows, 1, "start").set("2024-03");
      cell(rows, 1, "due").set("2024"); // "within 2024": not before March 2024
    });
    const record = "task_funding:la-2023-pj-luc-binh:CENTRAL";
    await editCsv(join(dir, "evidence.csv"), (rows) => {
      const header = rows[0]!;
      rows.push(header.map((column) => ({ record, document: "kh-khcn-dmst-2024-long-an", quote: "10.880 triệu đồng" })[column] ?? ""));
    });
    await importProvince(dataSource, dir);
    const evidence = await dataSource.getRepository(Evidence).findBy({ record });
    expect(evidence.map((e) => e.quote)).toEqual(["10.880 triệu đồng"]);
  });

  it("reports a broken row once, not again at every row that refers to it", async () => {
    const dir = join(scratch, `cascade-${Date.now()}`);
    await cp(defaultDataDir("long-an"), dir, { recursive: true });
    let id = "";
    await editCsv(join(dir, "budgets.csv"), (rows) => {
      const withEvidence = rows.findIndex((r) => r[0] === "la-2024-requested-local");
      id = rows[withEvidence]![0]!;
      cell(rows, withEvidence, "amount_vnd").set("41.612");
    });
    const failure = (await importProvince(dataSource, dir).catch((e: unknown) => e)) as ImportValidationError;
    expect(id).toBe("la-2024-requested-local");
    expect(failure.problems).toEqual([expect.objectContaining({ file: "budgets.csv", field: "amount_vnd" })]);
  });

  it("reports a reference to an unknown document and an impossible QMS count", async () => {
    const dir = join(scratch, `refs-${Date.now()}`);
    await cp(defaultDataDir("long-an"), dir, { recursive: true });
    await editCsv(join(dir, "qms.csv"), (rows) => {
      cell(rows, 1, "document").set("no-such-document");
      cell(rows, 2, "applying").set("999");
      cell(rows, 2, "total").set("41");
    });
    const failure = (await importProvince(dataSource, dir).catch((e: unknown) => e)) as ImportValidationError;
    expect(failure.problems).toEqual([
      expect.objectContaining({ file: "qms.csv", row: 2, field: "document", message: 'no row of documents.csv has the id "no-such-document"' }),
      expect.objectContaining({ file: "qms.csv", row: 3, field: "applying", message: "999 agencies applying is more than the 41 in scope" }),
    ]);
    expect(await dataSource.getRepository(entities[0]!).count()).toBe(0);
  });
  it("refuses a document whose text is missing from texts/, naming documents.csv, the row and the field", async () => {
    const dir = join(scratch, `no-text-${Date.now()}`);
    await cp(defaultDataDir("long-an"), dir, { recursive: true });
    await rm(join(dir, "texts", longAnText));
    const failure = (await importProvince(dataSource, dir).catch((e: unknown) => e)) as ImportValidationError;
    expect(failure).toBeInstanceOf(ImportValidationError);
    expect(failure.problems).toEqual([
      expect.objectContaining({ file: "documents.csv", row: 2, field: "file", message: expect.stringContaining(`texts/${longAnText} is missing`) }),
    ]);
    expect(failure.message).toContain('documents.csv, row 2, field "file"');
    expect(await dataSource.getRepository(SourceDocument).count()).toBe(0);
  });

  it("refuses a text whose SHA-256 is not documents.csv's, and writes nothing", async () => {
    await importProvince(dataSource, defaultDataDir("long-an"));
    const before = await snapshot(dataSource);
    const dir = join(scratch, `altered-text-${Date.now()}`);
    await cp(defaultDataDir("long-an"), dir, { recursive: true });
    // A text corrected by hand, its sha256 left as it was, and an edit elsewhere that must wait for it.
    await appendFile(join(dir, "texts", longAnText), "\nMột câu thêm vào.");
    await editCsv(join(dir, "documents.csv"), (rows) => cell(rows, 1, "title").set("changed, but must not be written"));
    await editCsv(join(dir, "qms.csv"), (rows) => cell(rows, 1, "note").set("changed, but must not be written"));
    const failure = (await importProvince(dataSource, dir).catch((e: unknown) => e)) as ImportValidationError;
    expect(failure).toBeInstanceOf(ImportValidationError);
    const actual = sha256(await readFile(join(dir, "texts", longAnText)));
    expect(failure.problems).toEqual([
      expect.objectContaining({ file: "documents.csv", row: 2, field: "sha256", message: expect.stringContaining(`has SHA-256 ${actual}, not 06c85ec0`) }),
    ]);
    expect(await snapshot(dataSource)).toEqual(before);
  });

  it("takes a corrected text with its new sha256 as one update of the document", async () => {
    await importProvince(dataSource, defaultDataDir("long-an"));
    const dir = join(scratch, `corrected-text-${Date.now()}`);
    await cp(defaultDataDir("long-an"), dir, { recursive: true });
    const path = join(dir, "texts", longAnText);
    await appendFile(path, "\nMột câu thêm vào.");
    const corrected = await readFile(path, "utf8");
    await editCsv(join(dir, "documents.csv"), (rows) => cell(rows, 1, "sha256").set(sha256(corrected)));
    const report = await importProvince(dataSource, dir);
    expect(report.documents).toEqual({ added: 0, updated: 1, removed: 0, unchanged: 0 });
    expect(countChanges(report)).toBe(1);
    expect(await storedTexts(dataSource)).toEqual({ "kh-khcn-dmst-2024-long-an": corrected });
    expect(countChanges(await importProvince(dataSource, dir))).toBe(0);
  });

  it.each(provinces)("stores %s's texts and serves each as SourceDocument.text, holding its quotes verbatim", async (province) => {
    await importProvince(dataSource, defaultDataDir(province));
    const result = await graphql({
      schema: await buildProvinceSchema(),
      source: `{ thisProvince {
        documents { id file sha256 text }
        qmsCoverage { source { quote document { id } } }
        tasks { source { quote document { id } } }
        indicators { source { quote document { id } } }
      } }`,
      contextValue: createContext(province, dataSource),
    });
    expect(result.errors).toBeUndefined();
    type Sourced = { source: { quote: string; document: { id: string } } };
    const served = result.data!.thisProvince as { documents: { id: string; file: string; sha256: string; text: string }[] } & Record<string, Sourced[]>;
    for (const document of served.documents) {
      const bytes = await readFile(join(defaultDataDir(province), "texts", document.file));
      expect(document.text).toBe(bytes.toString("utf8"));
      expect(sha256(document.text)).toBe(document.sha256);
    }
    const records = [...served.qmsCoverage!, ...served.tasks!, ...served.indicators!];
    expect(records.length).toBeGreaterThan(0);
    for (const { source } of records) {
      const document = served.documents.find((d) => d.id === source.document.id)!;
      expect(document.text).toContain(source.quote);
    }
  });
});
