import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "@khcn/shared";

/** The longest province text a client sees, in characters, before it is cut with "…". */
export const MAX_PROVINCE_TEXT = 300;

/**
 * The codes a province's error keeps. They mean the same thing whichever province sends them and
 * say nothing of its internals: BAD_USER_INPUT (an argument the client passed is refused, e.g. a
 * `limit` over the maximum) and WRONG_PROVINCE (a representation of another province, which the
 * router never sends). Any other code a province invents (BUDGET_LOCKED, an ORM's error name, a
 * forged PROVINCE_UNAVAILABLE) becomes PROVINCE_ERROR: clients act on codes, so only the router
 * and the contract may define them.
 */
export const PASSED_PROVINCE_CODES: ReadonlySet<string> = new Set([ErrorCode.BadUserInput, ErrorCode.WrongProvince]);

// Tags and comments (closed or cut off at the end), then any leftover angle bracket.
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<\/?[A-Za-z!?][^>]*(?:>|$)|[<>]/g;
// C0 and C1 controls, and the bidirectional overrides and isolates that reorder what a reader sees.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g;

/**
 * A province's text as plain text a client can show: markup and control characters removed, runs
 * of white space made one space, at most `max` characters. Empty when nothing is left.
 */
export function sanitizeProvinceText(text: unknown, max = MAX_PROVINCE_TEXT): string {
  if (typeof text !== "string") return "";
  // Cut first, generously, so a megabyte of message costs no more than a short one.
  const plain = text.slice(0, max * 4).replace(MARKUP, " ").replace(CONTROLS, " ").replace(/\s+/g, " ").trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** A path as GraphQL writes one (response keys and list indices), or undefined. */
function readPath(path: unknown): (string | number)[] | undefined {
  if (!Array.isArray(path) || path.length === 0 || path.length > 64) return undefined;
  for (const segment of path) {
    if (typeof segment === "string" ? !NAME.test(segment) : !Number.isSafeInteger(segment) || (segment as number) < 0) return undefined;
  }
  return path as (string | number)[];
}

/**
 * One error of a province as the router passes it on: the sanitized message (a placeholder when
 * none is left), a well-formed path or none, and extensions of the router's making only: `code`
 * (the province's if it is in PASSED_PROVINCE_CODES, else PROVINCE_ERROR) and `province` as the
 * router knows it. Everything else the province put in the error (locations in a query it was
 * sent, a stack trace, its own `province`, fields of its own) is dropped.
 */
export function sanitizeProvinceError(error: unknown, province: { id: string; name: string }): GraphQLFormattedError {
  const { message, path, extensions } = (typeof error === "object" && error !== null ? error : {}) as { message?: unknown; path?: unknown; extensions?: { code?: unknown } };
  const code = typeof extensions?.code === "string" && PASSED_PROVINCE_CODES.has(extensions.code) ? extensions.code : ErrorCode.ProvinceError;
  const readPathResult = readPath(path);
  return {
    message: sanitizeProvinceText(message) || `Province ${province.name} (${province.id}) reported an error without a message`,
    ...(readPathResult ? { path: readPathResult } : {}),
    extensions: { code, province: { id: province.id, name: province.name } },
  };
}
