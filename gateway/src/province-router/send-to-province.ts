import type { GraphQLFormattedError } from "graphql";
import { type GraphQLRequestBody, postGraphQL, type ProvinceTransport, summarizeErrors } from "./post-graphql.ts";
import type { ProvinceRoute } from "./province-route.ts";

export type ProvinceAnswer =
  | { ok: true; entities: readonly unknown[]; errors: readonly GraphQLFormattedError[] }
  | { ok: false; reason: string; /** PROVINCE_UNAVAILABLE unless said otherwise. */ code?: string };

/**
 * Sends one province its share of an `_entities` query and says what came back: as many entities
 * as were asked for, with the province's own errors, or why there are none (unreachable, timed out,
 * non-2xx, or a refusal of the whole query, e.g. a field its version of the contract lacks).
 */
export async function sendToProvince(
  route: ProvinceRoute,
  request: GraphQLRequestBody,
  { responseKey, expected, timeoutMs, transport = postGraphQL }: { responseKey: string; expected: number; timeoutMs: number; transport?: ProvinceTransport },
): Promise<ProvinceAnswer> {
  const exchange = await transport(route.url, request, timeoutMs);
  if (!exchange.ok) return exchange;
  const entities = exchange.data?.[responseKey];
  if (!Array.isArray(entities) || entities.length !== expected) {
    const detail = summarizeErrors(exchange.errors);
    return { ok: false, reason: detail ? `the province refused the query: ${detail}` : `the answer has no ${responseKey} list of ${expected}` };
  }
  return { ok: true, entities, errors: exchange.errors };
}
