/** One problem in a province's files, located the way a spreadsheet user finds it. */
export interface ImportProblem {
  file: string;
  /** The line in the file: the header is row 1, so the first record is row 2. */
  row?: number;
  field?: string;
  message: string;
}

export function formatProblem(problem: ImportProblem): string {
  const where = [problem.file, problem.row !== undefined ? `row ${problem.row}` : undefined, problem.field ? `field "${problem.field}"` : undefined]
    .filter(Boolean)
    .join(", ");
  return `${where}: ${problem.message}`;
}

export class ImportValidationError extends Error {
  override name = "ImportValidationError";
  constructor(readonly problems: ImportProblem[]) {
    super(`${problems.length} problem(s) in the province's files; nothing was written:\n${problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`);
  }
}
