import { createHash } from "node:crypto";
import { readFile as readBytes } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import { endsBeforeStart, findMeasure } from "@khcn/shared";
import { formatDimensions, measureCatalogue } from "../catalogue.ts";
import { BudgetLine, Evidence, Indicator, QmsCoverage, SourceDocument, Task, TaskFunding } from "../entities.ts";
import { checkAgainstCatalogue } from "./catalogue-rules.ts";
import type { ImportProblem } from "./import-error.ts";
import { readCsv } from "./read-csv.ts";
import { type FileName, files, requiredColumns, type RowOf } from "./row-schemas.ts";

export interface ProvinceData {
  documents: SourceDocument[];
  tasks: Task[];
  taskFunding: TaskFunding[];
  budgets: BudgetLine[];
  qms: QmsCoverage[];
  indicators: Indicator[];
  evidence: Evidence[];
}

export interface ReadOptions {
  onProgress?: (file: string, rowsRead: number) => void;
}

type Located<T> = { row: number; value: T };
type Cells = Record<string, string | undefined>;

async function readFile<F extends FileName>(
  dir: string,
  name: F,
  problems: ImportProblem[],
  options: ReadOptions,
  rejected: Map<FileName, Cells[]>,
): Promise<Located<RowOf<F>>[]> {
  const file = `${name}.csv`;
  const schema = files[name] as z.ZodObject;
  const read = await readCsv(join(dir, file), file, {
    expectedColumns: Object.keys(schema.shape),
    requiredColumns: requiredColumns(schema),
    onProgress: options.onProgress && ((n) => options.onProgress?.(file, n)),
  });
  problems.push(...read.problems);
  const rows: Located<RowOf<F>>[] = [];
  for (const { row, values } of read.rows) {
    const cells = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, v.trim() === "" ? undefined : v.trim()]),
    );
    const parsed = files[name].safeParse(cells);
    if (parsed.success) {
      rows.push({ row, value: parsed.data as RowOf<F> });
    } else {
      rejected.set(name, [...(rejected.get(name) ?? []), cells]);
      for (const issue of parsed.error.issues) problems.push({ file, row, field: String(issue.path[0] ?? ""), message: issue.message });
    }
  }
  return rows;
}

/**
 * The text of each document row, read from `<dir>/texts/<file>` and checked against its sha256:
 * the quotes are verbatim spans of exactly these bytes, so a changed text is refused, not served.
 */
async function readTexts(dir: string, documents: Located<RowOf<"documents">>[], problems: ImportProblem[]): Promise<Map<number, string>> {
  const texts = new Map<number, string>();
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  for (const { row, value } of documents) {
    const problem = (field: "file" | "sha256", message: string) => problems.push({ file: "documents.csv", row, field, message });
    const path = join(dir, "texts", value.file);
    let bytes: Buffer;
    try {
      bytes = await readBytes(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") problem("file", `texts/${value.file} is missing (expected at ${path})`);
      else problem("file", `texts/${value.file} cannot be read: ${(error as Error).message}`);
      continue;
    }
    const actual = createHash("sha256").update(bytes).digest("hex");
    if (actual !== value.sha256) {
      problem("sha256", `texts/${value.file} has SHA-256 ${actual}, not ${value.sha256}: the text was changed, or sha256 was not updated with it`);
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      problem("file", `texts/${value.file} is not UTF-8 text`);
      continue;
    }
    // PostgreSQL's text type cannot hold NUL; SQLite would take it, and the folder must load on both.
    if (text.includes("\0")) problem("file", `texts/${value.file} contains a NUL character`);
    else texts.set(row, text);
  }
  return texts;
}

function sourceOf(row: { document: string; section: string | null; quote: string; note: string | null }) {
  return { documentId: row.document, section: row.section, quote: row.quote, note: row.note };
}

/**
 * Reads and checks every file of a province folder. Returns the records only when there is no
 * problem at all, so a caller can never write half of a broken folder.
 */
export async function readProvinceFiles(dir: string, options: ReadOptions = {}): Promise<{ data?: ProvinceData; problems: ImportProblem[] }> {
  const problems: ImportProblem[] = [];
  const rejected = new Map<FileName, Cells[]>();
  const documents = await readFile(dir, "documents", problems, options, rejected);
  const tasks = await readFile(dir, "tasks", problems, options, rejected);
  const funding = await readFile(dir, "task_funding", problems, options, rejected);
  const budgets = await readFile(dir, "budgets", problems, options, rejected);
  const qms = await readFile(dir, "qms", problems, options, rejected);
  const indicators = await readFile(dir, "indicators", problems, options, rejected);
  const evidence = await readFile(dir, "evidence", problems, options, rejected);
  const texts = await readTexts(dir, documents, problems);
  // A row already reported as invalid still names its id: references to it are not reported again.
  const rejectedKeys = (name: FileName, keyOf: (cells: Cells) => string | undefined) =>
    new Set((rejected.get(name) ?? []).map(keyOf).filter((key): key is string => key !== undefined));
  const byId = (cells: Cells) => cells.id;

  const unique = <T>(file: string, rows: Located<T>[], keyOf: (v: T) => string, field: string) => {
    const seen = new Map<string, number>();
    for (const { row, value } of rows) {
      const key = keyOf(value);
      const first = seen.get(key);
      if (first !== undefined) problems.push({ file, row, field, message: `"${key}" is already used on row ${first}` });
      else seen.set(key, row);
    }
    return seen;
  };
  const documentIds = unique("documents.csv", documents, (d) => d.id, "id");
  const taskIds = unique("tasks.csv", tasks, (t) => t.id, "id");
  const fundingKeys = unique("task_funding.csv", funding, (f) => `${f.task}:${f.funding_source}`, "funding_source");
  const budgetIds = unique("budgets.csv", budgets, (b) => b.id, "id");
  const qmsIds = unique("qms.csv", qms, (q) => q.id, "id");
  const indicatorIds = unique("indicators.csv", indicators, (i) => i.id, "id");

  const refersTo = <T>(file: string, rows: Located<T>[], field: string, target: (v: T) => string | null, known: Map<string, number>, what: string, invalid: Set<string>) => {
    for (const { row, value } of rows) {
      const ref = target(value);
      if (ref !== null && !known.has(ref) && !invalid.has(ref)) problems.push({ file, row, field, message: `no ${what} has the id "${ref}"` });
    }
  };
  for (const [file, rows] of [
    ["tasks.csv", tasks],
    ["task_funding.csv", funding],
    ["budgets.csv", budgets],
    ["qms.csv", qms],
    ["indicators.csv", indicators],
    ["evidence.csv", evidence],
  ] as const) {
    refersTo(file, rows as Located<{ document: string }>[], "document", (v) => v.document, documentIds, "row of documents.csv", rejectedKeys("documents", byId));
  }
  refersTo("task_funding.csv", funding, "task", (f) => f.task, taskIds, "task in tasks.csv", rejectedKeys("tasks", byId));
  refersTo("indicators.csv", indicators, "parent", (i) => i.parent, indicatorIds, "indicator", rejectedKeys("indicators", byId));
  const records = new Map<string, { known: Map<string, number>; invalid: Set<string> }>([
    ["tasks", { known: taskIds, invalid: rejectedKeys("tasks", byId) }],
    ["task_funding", { known: fundingKeys, invalid: rejectedKeys("task_funding", (c) => c.task && c.funding_source && `${c.task}:${c.funding_source}`) }],
    ["budgets", { known: budgetIds, invalid: rejectedKeys("budgets", byId) }],
    ["qms", { known: qmsIds, invalid: rejectedKeys("qms", byId) }],
    ["indicators", { known: indicatorIds, invalid: rejectedKeys("indicators", byId) }],
  ]);
  for (const { row, value } of evidence) {
    const [file = "", ...rest] = value.record.split(":");
    const target = records.get(file);
    const key = rest.join(":");
    if (!target) problems.push({ file: "evidence.csv", row, field: "record", message: `unknown file "${file}"; expected one of ${[...records.keys()].join(", ")}` });
    else if (!target.known.has(key) && !target.invalid.has(key)) problems.push({ file: "evidence.csv", row, field: "record", message: `${file}.csv has no record "${key}"` });
  }

  // Validation rules of the kind DHIS2 runs: figures that cannot all be true at once.
  for (const { row, value } of qms) {
    if (value.applying !== null && value.total !== null && value.applying > value.total) {
      problems.push({ file: "qms.csv", row, field: "applying", message: `${value.applying} agencies applying is more than the ${value.total} in scope` });
    }
  }
  const shares = new Map<string, number>();
  for (const { value } of funding) shares.set(value.task, (shares.get(value.task) ?? 0) + (value.amount_vnd ?? 0));
  for (const { row, value } of tasks) {
    const sum = shares.get(value.id);
    if (value.total_cost_vnd !== null && sum !== undefined && sum > value.total_cost_vnd) {
      problems.push({ file: "tasks.csv", row, field: "total_cost_vnd", message: `the funding shares add up to ${sum} đồng, more than the total ${value.total_cost_vnd}` });
    }
    if (value.start && value.due && endsBeforeStart(value.start, value.due)) problems.push({ file: "tasks.csv", row, field: "due", message: `${value.due} is before the start ${value.start}` });
  }
  const catalogue = measureCatalogue();
  for (const { row, value } of indicators) {
    if (value.period_start && value.period_end && endsBeforeStart(value.period_start, value.period_end)) {
      problems.push({ file: "indicators.csv", row, field: "period_end", message: `${value.period_end} is before the start ${value.period_start}` });
    }
    for (const { field, message } of checkAgainstCatalogue(value, catalogue)) problems.push({ file: "indicators.csv", row, field, message });
  }

  if (problems.length > 0) return { problems };
  const ordinals = new Map<string, number>();
  return {
    problems,
    data: {
      documents: documents.map(({ row, value: d }) =>
        Object.assign(new SourceDocument(), {
          id: d.id,
          number: d.number,
          title: d.title,
          kind: d.kind,
          issuer: d.issuer,
          signer: d.signer,
          issuedOn: d.issued_on,
          file: d.file,
          sha256: d.sha256,
          text: texts.get(row)!,
          truncated: d.truncated,
          note: d.note,
        }),
      ),
      tasks: tasks.map(({ value: t }) =>
        Object.assign(new Task(), {
          id: t.id,
          year: t.year,
          kind: t.kind,
          level: t.level,
          title: t.title,
          field: t.field,
          leadUnit: t.lead_unit,
          assignedBy: t.assigned_by,
          startDate: t.start,
          dueDate: t.due,
          expectedResult: t.expected_result,
          targetQuantity: t.target_quantity,
          targetComparator: t.target_comparator,
          targetUnit: t.target_unit,
          outputs: t.outputs ?? [],
          totalCostVnd: t.total_cost_vnd,
          status: t.status,
          ...sourceOf(t),
        }),
      ),
      taskFunding: funding.map(({ value: f }) =>
        Object.assign(new TaskFunding(), { taskId: f.task, fundingSource: f.funding_source, amountVnd: f.amount_vnd, ...sourceOf(f) }),
      ),
      budgets: budgets.map(({ value: b }) =>
        Object.assign(new BudgetLine(), {
          id: b.id,
          year: b.year,
          phase: b.phase,
          fundingSource: b.funding_source,
          purpose: b.purpose,
          amountVnd: b.amount_vnd,
          amountAsWritten: b.amount_as_written,
          asOf: b.as_of,
          ...sourceOf(b),
        }),
      ),
      qms: qms.map(({ value: q }) =>
        Object.assign(new QmsCoverage(), {
          id: q.id,
          year: q.year,
          tier: q.tier,
          status: q.status,
          applying: q.applying,
          total: q.total,
          standard: q.standard,
          ...sourceOf(q),
        }),
      ),
      indicators: indicators.map(({ value: i }) =>
        Object.assign(new Indicator(), {
          id: i.id,
          code: i.code,
          dimensions: formatDimensions(findMeasure(catalogue, i.code), i.dimensions ?? []),
          name: i.name,
          category: i.category,
          year: i.year,
          periodStart: i.period_start,
          periodEnd: i.period_end,
          target: i.target,
          comparatorColumn: i.comparator,
          value: i.value,
          numerator: i.numerator,
          denominator: i.denominator,
          unit: i.unit,
          baseline: i.baseline,
          parentId: i.parent,
          ...sourceOf(i),
        }),
      ),
      evidence: evidence.map(({ value: e }) => {
        const ordinal = (ordinals.get(e.record) ?? 0) + 1;
        ordinals.set(e.record, ordinal);
        return Object.assign(new Evidence(), { record: e.record, ordinal, ...sourceOf(e) });
      }),
    },
  };
}
