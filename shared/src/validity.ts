import { partialDateBounds } from "./scalars.ts";

/** A span of days, first and last included, as YYYY-MM-DD text (which sorts as dates do). */
export interface Period {
  from: string;
  to: string;
}

/** A unit's days of validity; an unknown start or an open end is unbounded. */
export function validityPeriod({ validFrom, validTo }: { validFrom: string | null; validTo: string | null }): Period {
  return { from: validFrom ? partialDateBounds(validFrom).first : "0000-01-01", to: validTo ? partialDateBounds(validTo).last : "9999-12-31" };
}

/** The days a PartialDate can mean: "2025" is the whole year. */
export function periodOfDate(date: string): Period {
  const { first, last } = partialDateBounds(date);
  return { from: first, to: last };
}

export function overlaps(a: Period, b: Period): boolean {
  return a.from <= b.to && b.from <= a.to;
}
