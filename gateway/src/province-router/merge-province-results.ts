import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "@khcn/shared";
import type { ProvinceRoute } from "./province-route.ts";
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

/**
 * Puts the provinces' answers back into one `_entities` list in the gateway's order. A province's
 * error at `[key, i, ...]` moves to `[key, indices[i], ...]`; a province that did not answer leaves
 * null entities and one PROVINCE_UNAVAILABLE error per entity. Unanswered positions stay null.
 */
export function mergeProvinceResults(count: number, results: readonly ProvinceResult[], responseKey: string): MergedEntities {
  const entities: unknown[] = new Array<unknown>(count).fill(null);
  const errors: { index: number; error: GraphQLFormattedError }[] = [];
  for (const { province, indices, answer } of results) {
    const named = { id: province.id, name: province.name };
    if (!answer.ok) {
      for (const index of indices) {
        errors.push({
          index,
          error: {
            message: `Province ${province.name} (${province.id}) is unavailable: ${answer.reason}`,
            path: [responseKey, index],
            extensions: { code: answer.code ?? ErrorCode.ProvinceUnavailable, province: named, reason: answer.reason },
          },
        });
      }
      continue;
    }
    answer.entities.forEach((entity, i) => {
      entities[indices[i] as number] = entity;
    });
    for (const { path, extensions, ...error } of answer.errors) {
      // A province's stack trace names files on its server; what failed and where is in the message.
      const { stacktrace: _stacktrace, ...kept } = extensions ?? {};
      // A path into the province's own list moves to the gateway's index; one that points nowhere is dropped.
      const index = path?.[0] === responseKey && typeof path[1] === "number" ? indices[path[1]] : undefined;
      const moved = path?.[0] === responseKey ? (index === undefined ? undefined : [responseKey, index, ...path.slice(2)]) : path;
      errors.push({
        index: index ?? count,
        error: { ...error, ...(moved ? { path: moved } : {}), extensions: { ...kept, province: kept.province ?? named } },
      });
    }
  }
  errors.sort((a, b) => a.index - b.index);
  return { data: { [responseKey]: entities }, ...(errors.length > 0 ? { errors: errors.map((e) => e.error) } : {}) };
}
