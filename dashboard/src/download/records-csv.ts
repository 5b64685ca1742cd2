import { stringify } from "csv-stringify/browser/esm/sync";
import type { BudgetLine, KeyTask, RecordSource } from "../api/types.ts";

/** A province as the views list it. */
interface Province {
  id: string;
  name: string;
  gsoCode: string;
}

const sourceCells = (source: RecordSource) => ({
  document_number: source.document.number ?? "",
  document_title: source.document.title,
  section: source.section ?? "",
  quote: source.quote,
});

/** The budget view's lines, one row per province and line; an amount the document does not give stays empty, never 0. */
export function budgetRows(provinces: readonly (Province & { budgets: readonly BudgetLine[] | null })[]): Record<string, string | number>[] {
  return provinces.flatMap((province) =>
    (province.budgets ?? []).map((line) => ({
      province_id: province.id,
      province_name: province.name,
      province_gso_code: province.gsoCode,
      measure: "vn.khcn.budget.st_funds",
      record: `budgets:${line.id}`,
      year: line.year,
      budget_phase: line.phase,
      funding_source: line.fundingSource ?? "",
      value: line.amountVnd ?? "",
      unit: "VND",
      amount_as_written: line.amountAsWritten ?? "",
      as_of: line.asOf ?? "",
      purpose: line.purpose ?? "",
      ...sourceCells(line.source),
      note: line.note ?? "",
    })),
  );
}

/** The key-task view's tasks, one row per province and task. */
export function keyTaskRows(provinces: readonly (Province & { tasks: readonly KeyTask[] | null })[]): Record<string, string | number>[] {
  return provinces.flatMap((province) =>
    (province.tasks ?? []).map((task) => ({
      province_id: province.id,
      province_name: province.name,
      province_gso_code: province.gsoCode,
      record: `tasks:${task.id}`,
      year: task.year,
      title: task.title,
      lead_unit: task.leadUnit ?? "",
      due_date: task.dueDate ?? "",
      status: task.status,
      ...sourceCells(task.source),
      note: task.note ?? "",
    })),
  );
}

/**
 * A tidy CSV as the gateway's /export writes it: UTF-8 with a BOM (Excel needs it for Vietnamese;
 * pandas' read_csv skips it), a header row, CRLF, every cell quoted when it must be.
 */
export function toCsv(rows: readonly Record<string, string | number>[]): string {
  return `\uFEFF${stringify(rows as Record<string, string | number>[], { header: true, record_delimiter: "windows", quoted_match: /[\r\n]/ })}`;
}

/** A link target for the file: a blob URL the page revokes once the link goes away. */
export function csvBlobUrl(rows: readonly Record<string, string | number>[]): string {
  return URL.createObjectURL(new Blob([toCsv(rows)], { type: "text/csv;charset=utf-8" }));
}
