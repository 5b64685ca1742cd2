/**
 * How a figure is written on the page. Numbers follow the page's language: Vietnamese writes
 * 41.612.000.000 and 55,7 %, English 41,612,000,000 and 55.7%. A figure that is absent is never
 * written as 0: the callers show the "no data" label instead, so these functions take values only.
 */
import type { FigureValue, ValueType } from "../api/types.ts";
import type { Language } from "../i18n/dictionary.ts";

const LOCALE: Record<Language, string> = { vi: "vi-VN", en: "en-GB" };

export function formatNumber(value: number, language: Language, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits }).format(value);
}

export function formatPercent(ratio: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language], { style: "percent", maximumFractionDigits: 1 }).format(ratio);
}

/** Whole đồng, every digit: money is exact here, and the table is where a reader checks it. */
export function formatVnd(amount: number, language: Language): string {
  return `${formatNumber(amount, language)} đ`;
}

/** Billions of đồng for a chart's axis and bar labels, where every digit would not fit. */
export function formatBillionsVnd(amount: number, language: Language): string {
  return formatNumber(amount / 1e9, language, amount >= 1e10 ? 1 : 3);
}

/** "41/41 (100 %)": the numerator and denominator always, the ratio when there is a denominator. */
export function formatRatio(value: FigureValue, language: Language): string | null {
  if (value.numerator === null) return null;
  if (value.denominator === null) return `${formatNumber(value.numerator, language)}/?`;
  const ratio = value.ratio ?? (value.denominator === 0 ? null : value.numerator / value.denominator);
  const parts = `${formatNumber(value.numerator, language)}/${formatNumber(value.denominator, language)}`;
  return ratio === null ? parts : `${parts} (${formatPercent(ratio, language)})`;
}

/** The figure as its measure's value type says, or null when it carries no value of that type. */
export function formatFigure(value: FigureValue | null, valueType: ValueType, language: Language): string | null {
  if (!value) return null;
  switch (valueType) {
    case "RATIO":
      return formatRatio(value, language);
    case "MONEY_VND":
      return value.amountVnd === null ? null : formatVnd(value.amountVnd, language);
    case "COUNT":
      return value.count === null ? null : formatNumber(value.count, language);
  }
}

/** The number a chart's bar is drawn to: the ratio for a RATIO, else the count or the amount. */
export function chartValue(value: FigureValue | null, valueType: ValueType): number | null {
  if (!value) return null;
  switch (valueType) {
    case "RATIO":
      if (value.ratio !== null) return value.ratio;
      return value.numerator !== null && value.denominator ? value.numerator / value.denominator : null;
    case "MONEY_VND":
      return value.amountVnd;
    case "COUNT":
      return value.count;
  }
}

/**
 * A PartialDate (2024, 2024-06 or 2024-06-30) as the span it names, for a timeline: a deadline of
 * "2024" is any day of 2024, so its bar covers the year rather than pretending to be 1 January.
 */
export function partialDateSpan(date: string): { start: Date; end: Date } | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[3]) {
    const day = new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3])));
    return { start: day, end: new Date(day.getTime() + 86_400_000) };
  }
  if (match[2]) {
    const month = Number(match[2]) - 1;
    return { start: new Date(Date.UTC(year, month, 1)), end: new Date(Date.UTC(year, month + 1, 1)) };
  }
  return { start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1)) };
}

/** A PartialDate for reading: "6/2023" or "30/6/2023" in Vietnamese, "June 2023" in English. */
export function formatPartialDate(date: string, language: Language): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  if (!month) return year!;
  if (language === "vi") return day ? `${Number(day)}/${Number(month)}/${year}` : `${Number(month)}/${year}`;
  const when = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1)));
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", year: "numeric", month: "long", ...(day ? { day: "numeric" } : {}) }).format(when);
}
