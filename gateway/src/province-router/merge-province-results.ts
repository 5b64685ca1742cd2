import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "@khcn/shared";
import type { ProvinceRoute } from "./province-route.ts";
import { sanitizeProvinceError, sanitizeProvinceText } from "./sanitize-province-error.ts";
import type { ProvinceAnswer } from "./send-to-province.ts";

export interface ProvinceResult {
  province: Pick<ProvinceRoute, "id" | "name">;
  /** Where the province's representations stood in the gateway's list, in the order they were sent. */
  indices: readonly number[];
  answer: ProvinceAnswer;
}

export interface MergedEntities {
  data: Record<string, unknown[]>;
  errors?: GraphQLFormattedError[];
}

/** How many of one province's own errors are passed on in one answer; the rest are counted in one more. */
export const MAX_ERRORS_PER_PROVINCE = 100;

/**
 * Puts the provinces' answers back into one `_entities` list in the gateway's order. A province's
 * error at `[key, i, ...]` moves to `[key, indices[i], ...]`, sanitized (sanitizeProvinceError);
 * a province that did not answer leaves null entities and one PROVINCE_UNAVAILABLE error per
 * entity, one whose answer broke the contract one PROVINCE_INVALID_ANSWER error per entity.
 * `extensions.province` is always the router's. Unanswered positions stay null.
 */
export function mergeProvinceResults(count: number, results: readonly ProvinceResult[], responseKey: string): MergedEntities {
  const entities: unknown[] = new Array<unknown>(count).fill(null);
  const errors: { index: number; error: GraphQLFormattedError }[] = [];
  for (const { province, indices, answer } of results) {
    const named = { id: province.id, name: province.name };
    if (!answer.ok) {
      // The reason may quote the province (its refusal's messages, a value it sent): plain text only.
      const reason = sanitizeProvinceText(answer.reason, 500);
      const [code, what] = answer.invalid
        ? [ErrorCode.ProvinceInvalidAnswer, "sent an answer that breaks the contract"]
        : [answer.code ?? ErrorCode.ProvinceUnavailable, answer.code === ErrorCode.ProvinceContractDrift ? "is out of routing" : "is unavailable"];
      for (const index of indices) {
        errors.push({
          index,
          error: { message: `Province ${province.name} (${province.id}) ${what}: ${reason}`, path: [responseKey, index], extensions: { code, province: named, reason } },
        });
      }
      continue;
    }
    answer.entities.forEach((entity, i) => {
      entities[indices[i] as number] = entity;
    });
    for (const provinceError of answer.errors.slice(0, MAX_ERRORS_PER_PROVINCE)) {
      // Message, path and code only, sanitized; the province's stack trace, locations and extensions stay behind.
      const { path, ...error } = sanitizeProvinceError(provinceError, named);
      // A path into the province's own list moves to the gateway's index; one that points nowhere is dropped.
      const index = path?.[0] === responseKey && typeof path[1] === "number" ? indices[path[1]] : undefined;
      const moved = path?.[0] === responseKey ? (index === undefined ? undefined : [responseKey, index, ...path.slice(2)]) : path;
      errors.push({ index: index ?? count, error: { ...error, ...(moved ? { path: moved } : {}) } });
    }
    if (answer.errors.length > MAX_ERRORS_PER_PROVINCE) {
      errors.push({
        index: count,
        error: {
          message: `Province ${province.name} (${province.id}) reported ${answer.errors.length - MAX_ERRORS_PER_PROVINCE} more errors, not shown`,
          extensions: { code: ErrorCode.ProvinceError, province: named },
        },
      });
    }
  }
  errors.sort((a, b) => a.index - b.index);
  return { data: { [responseKey]: entities }, ...(errors.length > 0 ? { errors: errors.map((e) => e.error) } : {}) };
}
