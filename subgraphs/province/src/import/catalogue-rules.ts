import { endsBeforeStart, findMeasure, isLocalCode, LOCAL_CODE_PREFIX, type Measure, type MeasureCatalogue, partialDateBounds } from "@khcn/shared";
import { Comparator } from "../enums.ts";
import type { RowOf } from "./row-schemas.ts";

/** A problem with one field of one indicators.csv row; the caller adds the file and the row. */
export interface FieldProblem {
  field: string;
  message: string;
}

const INT32_MAX = 2_147_483_647;
const MEASURE_PREFIX = "vn.";

/** "covers 2022-01-01 to 2023-06-30 (18 months)": whole months when the span is, else days. */
function span(first: string, last: string): string {
  const [fy, fm, fd] = first.split("-").map(Number) as [number, number, number];
  const [ly, lm] = last.split("-").map(Number) as [number, number];
  const monthEnd = partialDateBounds(last.slice(0, 7)).last;
  if (fd === 1 && last === monthEnd) {
    const months = (ly - fy) * 12 + (lm - fm) + 1;
    return `${months} month${months === 1 ? "" : "s"}`;
  }
  const days = Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000) + 1;
  return `${days} day${days === 1 ? "" : "s"}`;
}

/**
 * What the catalogue requires of an indicators.csv row: a code that is either a measure of the
 * catalogue or a well-formed local code, and, for a measure, a figure that can be compared with the
 * other provinces' (its unit, value type, period and every dimension). A figure that fails any of
 * these is still worth keeping, under a local code: the messages say so.
 */
export function checkAgainstCatalogue(row: RowOf<"indicators">, catalogue: MeasureCatalogue): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const keepLocal = `keep it under a local code, "${LOCAL_CODE_PREFIX}…"`;

  if (row.code.startsWith(LOCAL_CODE_PREFIX)) {
    if (!isLocalCode(row.code)) {
      problem(
        "code",
        `"${row.code}" is not a well-formed local code: after "${LOCAL_CODE_PREFIX}" come dot-separated segments, each a lowercase letter then lowercase letters, digits or "_" (local.tasks.national.count)`,
      );
    }
    // A local figure has no measure, so no catalogue dimension can describe it: its breakdown is its code.
    if (row.dimensions) problem("dimensions", `a local code has no catalogue dimensions; leave dimensions empty and put the breakdown in the code`);
    return problems;
  }

  const measure = findMeasure(catalogue, row.code);
  if (!measure) {
    const hint = row.code.startsWith(MEASURE_PREFIX) ? "" : ` (a province's own label is written "${LOCAL_CODE_PREFIX}${row.code}")`;
    problem(
      "code",
      `"${row.code}" is not a measure of the national catalogue (version ${catalogue.version}); a figure with no national counterpart takes a local code${hint}`,
    );
    return problems;
  }

  if (row.unit !== measure.unit) {
    problem("unit", `${row.unit === null ? "is empty" : `"${row.unit}" contradicts the unit of ${measure.code}`}: its figures are in "${measure.unit}"`);
  }
  // A bound ("hơn 60", "khoảng 40", "ít nhất 01") is not the figure itself: adding it up would state more than the document does.
  if (row.comparator !== null && row.comparator !== Comparator.EXACTLY) {
    problem("comparator", `${row.comparator} is a bound, not a figure of ${measure.code}: only an exact figure is compared; ${keepLocal}`);
  }
  checkValueShape(row, measure, problem);
  checkPeriod(row, measure, problem);
  checkDimensions(row, measure, catalogue, problem);
  return problems;
}

function checkValueShape(row: RowOf<"indicators">, measure: Measure, problem: (field: string, message: string) => void): void {
  const whole = (field: "value" | "numerator" | "denominator", n: number, max: number, what: string) => {
    if (!Number.isInteger(n) || n < 0) problem(field, `${n} is not ${what}: a ${measure.valueType} figure of ${measure.code} is a whole number, not negative`);
    else if (n > max) problem(field, `${n} is more than ${max}, which a ${measure.valueType} figure cannot hold`);
  };
  const absent = (field: "value" | "numerator" | "denominator", why: string) => {
    if (row[field] !== null) problem(field, `must be empty: ${why}`);
  };
  switch (measure.valueType) {
    case "COUNT":
    case "MONEY_VND": {
      const what = measure.valueType === "COUNT" ? `a whole number of ${measure.unit}` : "whole đồng";
      if (row.value === null) problem("value", `is required: a ${measure.valueType} figure of ${measure.code} is a value in ${what}`);
      else whole("value", row.value, measure.valueType === "COUNT" ? INT32_MAX : Number.MAX_SAFE_INTEGER, what);
      const why = `${measure.code} is a ${measure.valueType} measure, a value without numerator or denominator`;
      absent("numerator", why);
      absent("denominator", why);
      break;
    }
    case "RATIO": {
      if (row.numerator === null) problem("numerator", `is required: ${measure.code} is a RATIO measure, kept as numerator and (when stated) denominator`);
      else whole("numerator", row.numerator, INT32_MAX, `a whole number of ${measure.unit}`);
      if (row.denominator !== null) {
        whole("denominator", row.denominator, INT32_MAX, `a whole number of ${measure.unit}`);
        if (row.denominator === 0) problem("denominator", "is 0: a ratio needs a denominator of at least 1 (leave it empty when the document states none)");
      }
      absent("value", `${measure.code} is a RATIO measure: the ratio is derived from numerator and denominator, never stored`);
      break;
    }
  }
}

function checkPeriod(row: RowOf<"indicators">, measure: Measure, problem: (field: string, message: string) => void): void {
  const { year, period_start: start, period_end: end } = row;
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  if (start === null && end === null) return; // no period stated: the figure's year is its period
  if (start !== null && end !== null && endsBeforeStart(start, end)) return; // reported as such by the reader
  if (measure.periodType === "YEAR") {
    // An 18-month or half-year count is not a yearly count, and is never pro-rated into one.
    const first = start === null ? null : partialDateBounds(start).first;
    const last = end === null ? null : partialDateBounds(end).last;
    if (first === yearStart && last === yearEnd) return;
    const field = first !== yearStart ? "period_start" : "period_end";
    if (first === null || last === null) {
      problem(
        field,
        `the period states only its ${first === null ? "end" : "start"}, so it cannot be shown to cover the calendar year ${year}: a YEAR measure needs the whole year; state both ends, or neither`,
      );
    } else {
      problem(field, `covers ${first} to ${last} (${span(first, last)}), not the calendar year ${year}: a YEAR measure needs the whole year; keep it under a local. code`);
    }
    return;
  }
  // INSTANT: a status at a date, and that date must belong to the figure's year.
  for (const [field, date] of [
    ["period_start", start],
    ["period_end", end],
  ] as const) {
    if (date === null) continue;
    const { first, last } = partialDateBounds(date);
    if (first < yearStart || last > yearEnd) {
      problem(field, `${date} is not within ${year}: ${measure.code} is a status at a date (INSTANT), which must fall within the figure's year`);
    }
  }
}

function checkDimensions(row: RowOf<"indicators">, measure: Measure, catalogue: MeasureCatalogue, problem: (field: string, message: string) => void): void {
  const given = row.dimensions ?? [];
  const expected = measure.dimensions.length === 0 ? "it has none" : `its dimensions are ${measure.dimensions.join(", ")}`;
  for (const { dimension, value } of given) {
    if (!measure.dimensions.includes(dimension)) {
      problem("dimensions", `"${dimension}" is not a dimension of ${measure.code}; ${expected}`);
      continue;
    }
    const values = catalogue.dimensions.find((d) => d.id === dimension)?.values.map((v) => v.code) ?? [];
    if (!values.includes(value)) problem("dimensions", `unknown value "${value}" of ${dimension}; expected one of ${values.join(", ")}`);
  }
  // A figure without one of its measure's dimensions would be added to every cell of it, or to none.
  const missing = measure.dimensions.filter((id) => !given.some((g) => g.dimension === id));
  if (missing.length > 0) {
    const example = missing.map((id) => `${id}=${catalogue.dimensions.find((d) => d.id === id)?.values[0]?.code ?? "VALUE"}`).join(";");
    problem("dimensions", `${measure.code} is broken down by ${missing.join(", ")}: a figure states every dimension of its measure (e.g. ${example})`);
  }
}
