import type { ProvinceRecord } from "./province-record.ts";

// PartialDates sort as text, so a period is compared as text: a partial start is padded to the
// first day it can mean ("2025" → "2025-01-01"), a partial end to the last ("2025-06" → "2025-06-31",
// not a real day, but it sorts after every real one). An open end is unbounded.

const FIRST = "0000-01-01";
const LAST = "9999-12-31";

function firstDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

function lastDay(date: string): string {
  return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
}

export interface Period {
  from: string;
  to: string;
}

export function periodOf({ validFrom, validTo }: Pick<ProvinceRecord, "validFrom" | "validTo">): Period {
  return { from: validFrom ? firstDay(validFrom) : FIRST, to: validTo ? lastDay(validTo) : LAST };
}

/** The days a PartialDate can mean: "2025" is the whole year. */
export function periodOfDate(date: string): Period {
  return { from: firstDay(date), to: lastDay(date) };
}

export function overlaps(a: Period, b: Period): boolean {
  return a.from <= b.to && b.from <= a.to;
}
