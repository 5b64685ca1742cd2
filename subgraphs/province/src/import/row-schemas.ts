import { z } from "zod";
import { isPartialDate } from "@khcn/shared";
import {
  BudgetPhase,
  Comparator,
  FundingSource,
  IndicatorCategory,
  QmsTier,
  ReportingStatus,
  TaskKind,
  TaskLevel,
  TaskStatus,
} from "../enums.ts";

// Cells arrive trimmed, with empty cells as undefined: "absent" and "0" stay different things.
const text = z.string({ error: "is required" });
// The lengths and ranges of the database columns: checked here, so a file that passes --check loads
// on PostgreSQL (which enforces them) as it does on SQLite (which does not).
const upTo = (max: number) => text.max(max, `must be at most ${max} characters`);
const id = upTo(100).regex(/^[a-z0-9][a-z0-9-]*$/, "must be lowercase letters, digits and '-'");
const INT32_MAX = 2_147_483_647;
const whole = text
  .regex(/^-?\d+$/, "must be a whole number written with digits only (no '.', ',' or spaces)")
  .transform(Number)
  .refine(Number.isSafeInteger, "is too large");
const vnd = text
  .regex(/^\d+$/, "must be whole đồng, digits only: 39.651 triệu đồng is 39651000000")
  .transform(Number)
  .refine(Number.isSafeInteger, "is too large to be exact");
const decimal = text
  .regex(/^-?\d+(\.\d+)?$/, "must be a number with '.' as the decimal point and no thousands separator (1,5 is written 1.5)")
  .transform(Number);
const year = whole.refine((y) => y >= 1945 && y <= 2100, "must be a year between 1945 and 2100");
const partialDate = text.refine(isPartialDate, "must be a date written YYYY, YYYY-MM or YYYY-MM-DD");
const bool = z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true");
const list = text.transform((v) => v.split(" | ").map((s) => s.trim()).filter(Boolean));

function oneOf<T extends Record<string, string>>(values: T, what: string) {
  const allowed = Object.values(values) as [string, ...string[]];
  return z.enum(allowed, {
    error: (issue) => (issue.input === undefined ? "is required" : `unknown ${what} "${String(issue.input)}"; expected one of ${allowed.join(", ")}`),
  }) as unknown as z.ZodType<T[keyof T], string>;
}

function optional<T extends z.ZodType>(schema: T) {
  return schema.optional().transform((v) => (v === undefined ? null : v) as z.output<T> | null);
}

const count = whole.refine((n) => n >= 0, "cannot be negative").refine((n) => n <= INT32_MAX, `must be at most ${INT32_MAX}`);

const sourced = {
  document: id,
  section: optional(upTo(50)),
  quote: text,
  note: optional(text),
};

export const documentRow = z.object({
  id,
  number: optional(upTo(100)),
  title: text,
  kind: upTo(100),
  issuer: text,
  signer: optional(text),
  issued_on: optional(partialDate),
  // A bare name inside the folder's texts/: a path could read files outside the province's folder.
  file: upTo(200).regex(/^(?!\.\.?$)[^/\\]+$/, "must be a file name in texts/, without a folder"),
  // Upper case too: Windows' Get-FileHash prints it so.
  sha256: text.regex(/^[0-9a-fA-F]{64}$/, "must be the 64 hex digits of the text's SHA-256").transform((v) => v.toLowerCase()),
  truncated: bool,
  note: optional(text),
});

export const taskRow = z.object({
  id,
  year,
  kind: oneOf(TaskKind, "task kind"),
  level: optional(oneOf(TaskLevel, "level")),
  title: text,
  field: optional(text),
  lead_unit: optional(text),
  assigned_by: optional(text),
  start: optional(partialDate),
  due: optional(partialDate),
  expected_result: optional(text),
  target_quantity: optional(decimal),
  target_comparator: optional(oneOf(Comparator, "comparator")),
  target_unit: optional(text),
  outputs: optional(list),
  total_cost_vnd: optional(vnd),
  status: oneOf(TaskStatus, "status"),
  ...sourced,
});

export const taskFundingRow = z.object({
  task: id,
  funding_source: oneOf(FundingSource, "funding source"),
  amount_vnd: optional(vnd),
  ...sourced,
});

export const budgetRow = z.object({
  id,
  year,
  phase: oneOf(BudgetPhase, "budget phase"),
  funding_source: optional(oneOf(FundingSource, "funding source")),
  purpose: optional(text),
  amount_vnd: optional(vnd),
  amount_as_written: optional(text),
  as_of: optional(partialDate),
  ...sourced,
});

export const qmsRow = z.object({
  id,
  year,
  tier: oneOf(QmsTier, "QMS tier"),
  status: oneOf(ReportingStatus, "status"),
  applying: optional(count),
  total: optional(count),
  standard: optional(text),
  ...sourced,
});

/**
 * `dimensionId=VALUE` pairs joined by ";" (`provinceTaskLevel=DISTRICT`), each dimension once. Only
 * the shape is checked here; whether the measure has that dimension and value is the catalogue's
 * business (catalogue-rules.ts).
 */
const DIMENSION_PAIR = /^([a-z][a-zA-Z0-9]*)=([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)$/;
const dimensions = text
  .superRefine((cell, ctx) => {
    const seen = new Set<string>();
    for (const raw of cell.split(";")) {
      const pair = raw.trim();
      const match = DIMENSION_PAIR.exec(pair);
      if (!match) {
        ctx.addIssue({
          code: "custom",
          message: `"${pair}" is not dimensionId=VALUE: write pairs like provinceTaskLevel=DISTRICT (a lowerCamel id, "=", an UPPER_SNAKE value), joined by ";"`,
        });
        return;
      }
      if (seen.has(match[1]!)) {
        ctx.addIssue({ code: "custom", message: `the dimension "${match[1]}" is given twice` });
        return;
      }
      seen.add(match[1]!);
    }
  })
  .transform((cell) =>
    cell.split(";").map((raw) => {
      const [, dimension, value] = DIMENSION_PAIR.exec(raw.trim())!;
      return { dimension: dimension!, value: value! };
    }),
  );

export const indicatorRow = z.object({
  id,
  // A catalogue code (vn.khcn.…) or a local one (local.…): which, and whether it is known, is checked
  // against the catalogue in catalogue-rules.ts.
  code: upTo(100).regex(/^[a-z0-9_.]+$/, "must be lowercase letters, digits, '_' and '.'"),
  dimensions: optional(dimensions),
  name: text,
  category: oneOf(IndicatorCategory, "category"),
  year,
  period_start: optional(partialDate),
  period_end: optional(partialDate),
  target: bool,
  comparator: optional(oneOf(Comparator, "comparator")),
  value: optional(decimal),
  numerator: optional(decimal),
  denominator: optional(decimal),
  unit: optional(text),
  baseline: optional(text),
  parent: optional(id),
  ...sourced,
});

export const evidenceRow = z.object({
  // A funding row's id is its task and source: task_funding:la-2023-pj-luc-binh:CENTRAL.
  record: upTo(200).regex(/^[a-z_]+:[a-z0-9][a-z0-9-]*(:[A-Z_]+)?$/, "must be <file>:<id>, e.g. tasks:ls-2024-kt-1 or task_funding:<task>:CENTRAL"),
  ...sourced,
});

export const files = {
  documents: documentRow,
  tasks: taskRow,
  task_funding: taskFundingRow,
  budgets: budgetRow,
  qms: qmsRow,
  indicators: indicatorRow,
  evidence: evidenceRow,
} as const;

export type FileName = keyof typeof files;
export type RowOf<F extends FileName> = z.output<(typeof files)[F]>;

/** Columns a file must have in its header: those whose cell may not be empty. */
export function requiredColumns(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name);
}
