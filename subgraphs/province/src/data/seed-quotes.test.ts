import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

/*
 * Every row of the province data files must come from its source document: the quote (and every
 * evidence quote) is a verbatim span of the text in the folder's texts/ that documents.csv names
 * (and whose SHA-256 it gives), and every number
 * the row holds is one of the numbers written in its quote or in an evidence quote of the same
 * record. References between files must resolve.
 */

const here = dirname(fileURLToPath(import.meta.url)); // <repo>/subgraphs/province/src/data
const dataDir = resolve(here, "../../data");

const expectedProvinces = ["lang-son", "long-an", "bac-giang"];

/** The header of each file, in FORMAT.md's order. */
const columns = {
  documents: ["id", "number", "title", "kind", "issuer", "signer", "issued_on", "file", "sha256", "truncated", "note"],
  tasks: [
    "id", "year", "kind", "level", "title", "field", "lead_unit", "assigned_by", "start", "due", "expected_result",
    "target_quantity", "target_comparator", "target_unit", "outputs", "total_cost_vnd", "status", "document", "section", "quote", "note",
  ],
  task_funding: ["task", "funding_source", "amount_vnd", "document", "section", "quote", "note"],
  budgets: ["id", "year", "phase", "funding_source", "purpose", "amount_vnd", "amount_as_written", "as_of", "document", "section", "quote", "note"],
  qms: ["id", "year", "tier", "status", "applying", "total", "standard", "document", "section", "quote", "note"],
  indicators: [
    "id", "code", "dimensions", "name", "category", "year", "period_start", "period_end", "target", "comparator", "value", "numerator",
    "denominator", "unit", "baseline", "parent", "document", "section", "quote", "note",
  ],
  evidence: ["record", "document", "section", "quote", "note"],
} as const;
type FileName = keyof typeof columns;
type Row = Record<string, string>;

/** The columns that hold a figure read from the text. */
const numericColumns = ["amount_vnd", "total_cost_vnd", "target_quantity", "applying", "total", "value", "numerator", "denominator"];

const multipliers: Record<string, number> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 };

/**
 * The numbers written in a Vietnamese text. "." separates thousands ("39.651" = 39651,
 * "24.500.000" = 24500000), "," is the decimal comma ("1,5" = 1.5), leading zeros are dropped
 * ("04" = 4). A number followed by nghìn/triệu/tỷ also counts multiplied: "39.651 triệu đồng"
 * yields 39651 and 39651000000.
 */
function numbersIn(text: string): number[] {
  const found: number[] = [];
  const pattern = /(?<![\p{L}\p{N}])(\d+(?:\.\d{3})*(?:,\d+)?)(?!\d)(?:\s*(nghìn|ngàn|triệu|tỷ|tỉ)(?![\p{L}]))?/gu;
  for (const match of text.matchAll(pattern)) {
    const written = match[1]!;
    const value = Number(written.replace(/\./g, "").replace(",", "."));
    found.push(value);
    const unit = match[2];
    if (unit) found.push(value * multipliers[unit]!);
  }
  return found;
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function readCsv(path: string): { header: string[]; rows: Row[] } {
  const records = parse(readFileSync(path, "utf8"), { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const [header = [], ...body] = records;
  return { header, rows: body.map((cells) => Object.fromEntries(header.map((c, i) => [c, cells[i] ?? ""]))) };
}

/** The key an evidence row uses to name a record of `file`. */
function recordKey(file: FileName, row: Row): string {
  return file === "task_funding" ? `task_funding:${row.task}:${row.funding_source}` : `${file}:${row.id}`;
}

interface Folder {
  /** The province folder; its texts/ holds the documents' texts. */
  dir: string;
  files: Record<FileName, Row[]>;
  headers: Record<FileName, string[]>;
  missing: string[];
}

function readFolder(province: string): Folder {
  const dir = join(dataDir, province);
  const files = {} as Record<FileName, Row[]>;
  const headers = {} as Record<FileName, string[]>;
  const missing: string[] = [];
  for (const file of Object.keys(columns) as FileName[]) {
    const path = join(dir, `${file}.csv`);
    if (!existsSync(path)) {
      missing.push(`${file}.csv`);
      files[file] = [];
      headers[file] = [];
      continue;
    }
    const { header, rows } = readCsv(path);
    files[file] = rows;
    headers[file] = header;
  }
  return { dir, files, headers, missing };
}

const textCache = new Map<string, { bytes: Buffer; text: string }>();
function readText(dir: string, file: string): { bytes: Buffer; text: string } | undefined {
  const path = join(dir, "texts", file);
  if (!textCache.has(path)) {
    if (!existsSync(path)) return undefined;
    const bytes = readFileSync(path);
    textCache.set(path, { bytes, text: bytes.toString("utf8") });
  }
  return textCache.get(path);
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Every problem of one province folder, as readable lines; an empty list means the folder is faithful to its sources. */
function checkFolder(folder: Folder): string[] {
  const problems: string[] = [];
  const { dir, files } = folder;
  const documents = new Map(files.documents.map((d) => [d.id!, d]));

  for (const d of files.documents) {
    const text = d.file ? readText(dir, d.file) : undefined;
    if (!text) problems.push(`documents.csv ${d.id}: text "${d.file}" not found in ${join(dir, "texts")}`);
    else if (sha256(text.bytes) !== d.sha256) problems.push(`documents.csv ${d.id}: texts/${d.file} has SHA-256 ${sha256(text.bytes)}, documents.csv says "${d.sha256}"`);
  }

  /** The text of the row's document, or a problem. */
  const textOf = (where: string, row: Row): string | undefined => {
    const document = documents.get(row.document ?? "");
    if (!document) {
      problems.push(`${where}: document "${row.document}" is not a row of documents.csv`);
      return undefined;
    }
    return readText(dir, document.file ?? "")?.text;
  };
  const checkQuote = (where: string, row: Row) => {
    const quote = row.quote ?? "";
    if (quote.trim() === "") return problems.push(`${where}: empty quote`);
    if (quote !== quote.trim()) problems.push(`${where}: quote has leading or trailing whitespace`);
    const text = textOf(where, row);
    if (text !== undefined && !text.includes(quote)) problems.push(`${where}: quote is not verbatim in ${row.document}: "${quote.slice(0, 120)}"`);
  };

  // Every record that evidence may name, and the evidence quotes of each.
  const records = new Set<string>();
  for (const file of ["tasks", "task_funding", "budgets", "qms", "indicators"] as const) {
    for (const row of files[file]) records.add(recordKey(file, row));
  }
  const evidenceQuotes = new Map<string, string[]>();
  files.evidence.forEach((e, i) => {
    const where = `evidence.csv row ${i + 2} (${e.record})`;
    checkQuote(where, e);
    if (!records.has(e.record ?? "")) problems.push(`${where}: record "${e.record}" names no existing row`);
    evidenceQuotes.set(e.record!, [...(evidenceQuotes.get(e.record!) ?? []), e.quote ?? ""]);
  });

  const taskIds = new Set(files.tasks.map((t) => t.id));
  const indicatorIds = new Set(files.indicators.map((i) => i.id));
  for (const file of ["tasks", "task_funding", "budgets", "qms", "indicators"] as const) {
    files[file].forEach((row, i) => {
      const key = recordKey(file, row);
      const where = `${file}.csv row ${i + 2} (${key})`;
      checkQuote(where, row);
      const written = [row.quote ?? "", ...(evidenceQuotes.get(key) ?? [])].flatMap(numbersIn);
      for (const column of numericColumns) {
        const cell = row[column]?.trim();
        if (cell === undefined || cell === "") continue;
        const value = Number(cell);
        if (!Number.isFinite(value)) {
          problems.push(`${where}: ${column} "${cell}" is not a number`);
          continue;
        }
        if (!written.some((n) => sameNumber(n, value))) {
          problems.push(`${where}: ${column} ${cell} is not among the numbers of its quote or evidence (${[...new Set(written)].join(", ")})`);
        }
      }
      if (file === "task_funding" && !taskIds.has(row.task)) problems.push(`${where}: task "${row.task}" is not a row of tasks.csv`);
      if (file === "indicators" && row.parent && !indicatorIds.has(row.parent)) problems.push(`${where}: parent "${row.parent}" is not an indicator id`);
    });
  }
  return problems;
}

describe("the Vietnamese number reader", () => {
  it("reads thousands dots, decimal commas, leading zeros and money units", () => {
    expect(numbersIn("39.651 triệu đồng")).toEqual([39651, 39651000000]);
    expect(numbersIn("24.500.000 đồng")).toEqual([24500000]);
    expect(numbersIn("tăng 1,5 lần")).toEqual([1.5]);
    expect(numbersIn("04 đề tài; đạt 01%")).toEqual([4, 1]);
    expect(numbersIn("183/337 cơ sở (chiếm tỷ lệ 54 %)")).toEqual([183, 337, 54]);
    expect(numbersIn("39.651.195 triệu đồng")).toEqual([39651195, 39651195000000]);
    expect(numbersIn("2 tỷ đồng và 3 nghìn")).toEqual([2, 2e9, 3, 3000]);
    expect(numbersIn("(83,7 ha)")).toEqual([83.7]);
  });
});

describe("the checker itself", () => {
  const base = (): Folder => ({
    dir: join(dataDir, "long-an"),
    files: {
      documents: [{ id: "doc", file: "001_8d2f8cf66f8fc933.txt", sha256: "06c85ec01604962f9a145671220b16426b5a38710e4d1072a645002049d2b2e0" }],
      tasks: [],
      task_funding: [],
      budgets: [
        {
          id: "b",
          amount_vnd: "39651000000",
          document: "doc",
          quote: "Tổng kinh phí sự nghiệp khoa học và công nghệ được sử dụng năm 2023 là: 39.651 triệu đồng",
        },
      ],
      qms: [],
      indicators: [],
      evidence: [],
    },
    headers: {} as Record<FileName, string[]>,
    missing: [],
  });
  it("accepts a faithful row", () => {
    expect(checkFolder(base())).toEqual([]);
  });
  it("rejects a figure the quote does not hold, a quote not in the text and a dangling reference", () => {
    const folder = base();
    folder.files.budgets[0]!.amount_vnd = "39651195000"; // the unit slip read as nghìn đồng: not written anywhere
    folder.files.budgets.push({ id: "c", document: "doc", quote: "39.651 triệu đồng được giao" });
    folder.files.evidence.push({ record: "budgets:nope", document: "doc", quote: "39.651 triệu đồng" });
    folder.files.indicators.push({ id: "i", parent: "nope", document: "nowhere", quote: "x" });
    const problems = checkFolder(folder);
    expect(problems).toEqual([
      expect.stringContaining('record "budgets:nope" names no existing row'),
      expect.stringContaining("amount_vnd 39651195000 is not among the numbers"),
      expect.stringContaining("quote is not verbatim"),
      expect.stringContaining('document "nowhere" is not a row of documents.csv'),
      expect.stringContaining('parent "nope" is not an indicator id'),
    ]);
  });
  it("rejects a text that is missing or whose SHA-256 is not the one documents.csv gives", () => {
    const altered = base();
    altered.files.documents[0]!.sha256 = "0".repeat(64);
    expect(checkFolder(altered)).toEqual([expect.stringContaining("texts/001_8d2f8cf66f8fc933.txt has SHA-256 06c85ec0")]);
    const missing = base();
    missing.files.documents[0]!.file = "no-such-text.txt";
    expect(checkFolder(missing)).toEqual(expect.arrayContaining([expect.stringContaining('text "no-such-text.txt" not found')]));
  });
  it("takes a figure from an evidence quote of the same record only", () => {
    const folder = base();
    folder.files.budgets[0]!.amount_vnd = "13572000000";
    expect(checkFolder(folder)).toHaveLength(1);
    folder.files.evidence.push({ record: "budgets:b", document: "doc", quote: "tính đến thời điểm báo cáo đã sử dụng: 13.572 triệu đồng" });
    expect(checkFolder(folder)).toEqual([]);
  });
});

describe("province data files match their source texts", () => {
  it("finds every province folder", () => {
    const folders = readdirSync(dataDir).filter((name) => statSync(join(dataDir, name)).isDirectory());
    expect(folders.sort()).toEqual(expect.arrayContaining([...expectedProvinces].sort()));
  });

  const provinces = existsSync(dataDir)
    ? readdirSync(dataDir).filter((name) => statSync(join(dataDir, name)).isDirectory())
    : [];
  describe.each(provinces)("%s", (province) => {
    const folder = readFolder(province);

    it("has every file, each with the header of FORMAT.md", () => {
      expect(folder.missing).toEqual([]);
      for (const file of Object.keys(columns) as FileName[]) expect(folder.headers[file], file).toEqual([...columns[file]]);
    });

    it("has at least one document and unique ids", () => {
      expect(folder.files.documents.length).toBeGreaterThan(0);
      for (const file of ["documents", "tasks", "budgets", "qms", "indicators"] as const) {
        const ids = folder.files[file].map((r) => r.id);
        expect(ids.filter((id, i) => ids.indexOf(id) !== i), `duplicate ids in ${file}.csv`).toEqual([]);
      }
      const keys = folder.files.task_funding.map((r) => `${r.task}:${r.funding_source}`);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i), "duplicate task_funding rows").toEqual([]);
    });

    it("quotes every row verbatim, holds only figures its quotes write, and resolves every reference", () => {
      expect(checkFolder(folder)).toEqual([]);
    });

    it("holds in texts/ only the texts documents.csv names, each listed with its SHA-256 in SOURCES.md", () => {
      const named = folder.files.documents.map((d) => d.file);
      expect(readdirSync(join(folder.dir, "texts")).sort()).toEqual([...named].sort());
      const sources = readFileSync(join(dataDir, "SOURCES.md"), "utf8").split("\n");
      for (const d of folder.files.documents) {
        const line = sources.find((l) => l.startsWith(`| \`${province}/texts/${d.file}\` |`));
        expect(line, `SOURCES.md's row of ${d.file}`).toContain(`| \`${d.sha256}\` |`);
      }
    });
  });
});
