import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { parse } from "csv-parse";
import type { ImportProblem } from "./import-error.ts";

export interface CsvRow {
  /** The record's row as a spreadsheet shows it (header = 1): a cell with line breaks is still one row. */
  row: number;
  values: Record<string, string>;
}

export interface ReadCsvOptions {
  expectedColumns: readonly string[];
  requiredColumns: readonly string[];
  /** Called every `progressEvery` rows, for files large enough to make a user wonder. */
  onProgress?: (rowsRead: number) => void;
  progressEvery?: number;
}

/**
 * Streams a CSV file and collects structural problems (unknown or missing columns, rows with the
 * wrong number of cells, broken quoting) instead of stopping at the first, so one run reports all.
 */
export async function readCsv(path: string, file: string, options: ReadCsvOptions): Promise<{ rows: CsvRow[]; problems: ImportProblem[] }> {
  const rows: CsvRow[] = [];
  const problems: ImportProblem[] = [];
  try {
    await access(path);
  } catch {
    return { rows, problems: [{ file, message: `file is missing (expected at ${path})` }] };
  }
  const parser = createReadStream(path).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }),
  );
  let header: string[] | undefined;
  const progressEvery = options.progressEvery ?? 1000;
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
      const cells = record.record;
      const row = record.info.records;
      if (!header) {
        header = cells.map((c) => c.trim());
        const repeated = header.filter((c, i) => header!.indexOf(c) !== i);
        for (const column of new Set(repeated)) problems.push({ file, row, field: column, message: "column appears more than once in the header" });
        const unknown = header.filter((c) => !options.expectedColumns.includes(c));
        for (const column of unknown) problems.push({ file, row, field: column, message: `unknown column; expected ${options.expectedColumns.join(", ")}` });
        for (const column of options.requiredColumns) {
          if (!header.includes(column)) problems.push({ file, row, field: column, message: "required column is missing from the header" });
        }
        continue;
      }
      if (cells.length !== header.length) {
        problems.push({ file, row, message: `malformed row: ${cells.length} cells where the header has ${header.length}` });
        continue;
      }
      rows.push({ row, values: Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ""])) });
      if (options.onProgress && rows.length % progressEvery === 0) options.onProgress(rows.length);
    }
  } catch (error) {
    // csv-parse counts the records it finished; the broken one is the next.
    const { records } = error as { records?: number };
    problems.push({ file, row: records === undefined ? undefined : records + 1, message: `unreadable CSV: ${(error as Error).message}` });
  }
  if (!header && problems.length === 0) problems.push({ file, message: "file is empty: it needs at least a header row" });
  return { rows, problems };
}
