import { createError, ErrorCode } from "@khcn/shared";
import type { GraphQLError } from "graphql";

const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s)\]"'>]+/gi;
const ADDRESS_PATTERN = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b|\[[0-9a-f:]+\](?::\d+)?/gi;

/** A reason without where the directory runs: no URL, no address (logs may have them; clients never). */
function withoutLocations(reason: string): string {
  return reason.replace(URL_PATTERN, "…").replace(ADDRESS_PATTERN, "…");
}

/** What went wrong with a call to the directory, in words a client may read: timed out, unreachable, or an HTTP status. */
export function describeDirectoryFailure(error: unknown, timeoutMs: number): string {
  const { name, message = String(error), cause } = (error ?? {}) as { name?: string; message?: string; cause?: { name?: string; code?: string } };
  if (name === "TimeoutError" || cause?.name === "TimeoutError" || /aborted due to timeout|timed? ?out/i.test(message)) return `no answer within ${timeoutMs} ms`;
  const status = /^(\d{3}):/.exec(message)?.[1];
  if (status) return `HTTP ${status}`;
  const code = cause?.code ?? /\bE[A-Z]{3,}\b/.exec(message)?.[0];
  return `unreachable${code ? ` (${code})` : ""}`;
}

/**
 * The one error a client gets when the directory, the entry point of every query, does not answer:
 * DIRECTORY_UNAVAILABLE, saying what failed and never where the directory runs.
 */
export function createDirectoryUnavailableError(reason: string): GraphQLError {
  return createError(ErrorCode.DirectoryUnavailable, `The directory of provinces is unavailable: ${withoutLocations(reason)}`, { reason: withoutLocations(reason) });
}
