import { createError, ErrorCode } from "@khcn/shared";

/**
 * Rows a list field answers when the client gives no `limit`, and the most it may ask for. The
 * defaults keep every real province's answer whole (today at most 11 tasks, 50 indicators, 5 budget
 * lines, 6 QMS rows, 3 documents), and stop an unpaged list of a synthetic 8,000-task province.
 */
export const pageSizes = {
  tasks: { byDefault: 100, max: 1000 },
  indicators: { byDefault: 200, max: 1000 },
  budgets: { byDefault: 200, max: 1000 },
  qmsCoverage: { byDefault: 100, max: 1000 },
  documents: { byDefault: 50, max: 200 },
} as const;

export type PagedField = keyof typeof pageSizes;

/** A page of a list field: the default when `limit` is left out (or null), a BAD_USER_INPUT past the maximum. */
export function page(field: PagedField, { limit, offset }: { limit?: number | null; offset?: number | null }): { take: number; skip?: number } {
  const { byDefault, max } = pageSizes[field];
  if (limit != null && (limit < 0 || limit > max)) {
    throw createError(ErrorCode.BadUserInput, `${field}(limit:) must be between 0 and ${max}, got ${limit}`, { argument: "limit", maximum: max });
  }
  if (offset != null && offset < 0) throw createError(ErrorCode.BadUserInput, `${field}(offset:) cannot be negative, got ${offset}`, { argument: "offset" });
  return { take: limit ?? byDefault, skip: offset ?? undefined };
}
