import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function isPartialDate(value: string): boolean {
  if (!PARTIAL_DATE.test(value)) return false;
  if (value.length < 10) return true;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * The first and last day a partial date covers: "2024" is 2024-01-01 to 2024-12-31, "2024-02" is
 * 2024-02-01 to 2024-02-29. Comparing the text of two partial dates would put "2024" before "2024-03".
 */
export function partialDateBounds(value: string): { first: string; last: string } {
  const [year, month, day] = value.split("-");
  if (day) return { first: value, last: value };
  if (month) {
    const lastDay = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return { first: `${value}-01`, last: `${value}-${String(lastDay).padStart(2, "0")}` };
  }
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

/** Whether `end` ends before `start` begins, at whatever precision each is given. */
export function endsBeforeStart(start: string, end: string): boolean {
  return partialDateBounds(end).last < partialDateBounds(start).first;
}

function parsePartialDate(value: unknown): string {
  if (typeof value === "string" && isPartialDate(value)) return value;
  throw new GraphQLError(`PartialDate must be YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

/**
 * Plans state dates at year, month or day precision ("12/2023", "cả năm 2024"); rounding a month to
 * a day would invent a day, so dates keep the precision the document gave.
 */
export const PartialDateScalar = new GraphQLScalarType<string, string>({
  name: "PartialDate",
  description: "A calendar date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD. Sorts as text.",
  serialize: (value) => parsePartialDate(value),
  parseValue: parsePartialDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("PartialDate must be a string");
    return parsePartialDate(ast.value);
  },
});

function toVnd(value: unknown): number {
  const n = typeof value === "bigint" ? Number(value) : typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof n === "number" && Number.isSafeInteger(n)) return n;
  throw new GraphQLError(`Vnd must be a whole number of đồng within ±(2^53−1), got ${JSON.stringify(value)}`);
}

/** Money is whole đồng; a JSON number is exact for every amount below 2^53 đồng (9 triệu tỷ). */
export const VndScalar = new GraphQLScalarType<number, number>({
  name: "Vnd",
  description: "An exact amount of Vietnamese đồng: a whole number (JSON number, never fractional, |n| < 2^53).",
  serialize: toVnd,
  parseValue: toVnd,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw new GraphQLError("Vnd must be an integer literal");
    return toVnd(ast.value);
  },
});
