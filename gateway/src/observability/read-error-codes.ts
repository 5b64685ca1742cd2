const MARKER = Buffer.from('"errors":[');
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** Where the JSON array starting at `start` (its `[`) ends, strings and escapes respected; -1 when it does not. */
function endOfArray(text: Buffer, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * The `extensions.code` of each error in a GraphQL answer's top-level `errors`, read without
 * parsing the data: the array is found by its key (first in the answer, or the last occurrence,
 * since engines write `errors` after `data`), and only it is parsed. An error without a code, or
 * with one that is not an upper-case identifier, counts as `NONE` or `OTHER` (a label's values
 * stay few).
 */
export function readErrorCodes(answer: Buffer | string): string[] {
  const text = typeof answer === "string" ? Buffer.from(answer) : answer;
  const at = text.subarray(0, 16).indexOf(MARKER) >= 0 ? text.indexOf(MARKER) : text.lastIndexOf(MARKER);
  if (at < 0) return [];
  const start = at + MARKER.length - 1;
  const end = endOfArray(text, start);
  if (end < 0) return [];
  let errors: unknown;
  try {
    errors = JSON.parse(text.subarray(start, end + 1).toString("utf8"));
  } catch {
    return [];
  }
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is { message: string; extensions?: { code?: unknown } } => typeof e === "object" && e !== null && typeof (e as { message?: unknown }).message === "string")
    .map((e) => {
      const code = e.extensions?.code;
      if (code === undefined) return "NONE";
      return typeof code === "string" && CODE.test(code) ? code : "OTHER";
    });
}
