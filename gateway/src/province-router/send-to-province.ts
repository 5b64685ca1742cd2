import type { GraphQLFormattedError } from "graphql";
import type { AnswerValidator } from "./compile-answer-validator.ts";
import { type ExchangeLimits, type GraphQLRequestBody, postGraphQL, type ProvinceTransport, summarizeErrors } from "./post-graphql.ts";
import type { ProvinceRoute } from "./province-route.ts";

/**
 * What one province's share came to: its entities (checked against the contract) with its own
 * errors, or why there are none. `invalid` marks an answer that came but broke the contract
 * (PROVINCE_INVALID_ANSWER); otherwise the province was unreachable, timed out, answered non-2xx
 * or refused the whole query (PROVINCE_UNAVAILABLE).
 */
export type ProvinceAnswer =
  | { ok: true; entities: readonly unknown[]; errors: readonly GraphQLFormattedError[] }
  | { ok: false; reason: string; invalid?: true; /** PROVINCE_UNAVAILABLE unless said otherwise (e.g. PROVINCE_CONTRACT_DRIFT). */ code?: string };

export interface SendToProvinceOptions extends ExchangeLimits {
  responseKey: string;
  /** The representations sent, in order: the answer must hold one entity for each, of its type and with its id. */
  representations: readonly unknown[];
  /** Checks each entity against the contract; compiled once per query text. */
  validator: AnswerValidator;
  timeoutMs: number;
  transport?: ProvinceTransport;
}

/**
 * Sends one province its share of an `_entities` query and checks what came back before anyone
 * merges it: a list with one entity per representation, each of the representation's type and id
 * and holding only what the contract allows the query to get (scalar and enum values included).
 * One violation refuses the province's whole share: a province that forges one value cannot be
 * trusted with the others.
 */
export async function sendToProvince(
  route: ProvinceRoute,
  request: GraphQLRequestBody,
  { responseKey, representations, validator, timeoutMs, transport = postGraphQL, maxAnswerBytes, requestId, signal }: SendToProvinceOptions,
): Promise<ProvinceAnswer> {
  const exchange = await transport(route.url, request, timeoutMs, { maxAnswerBytes, ...(requestId === undefined ? {} : { requestId }), ...(signal ? { signal } : {}) });
  if (!exchange.ok) return exchange;
  const entities = exchange.data?.[responseKey];
  if (!Array.isArray(entities)) {
    const detail = summarizeErrors(exchange.errors);
    return detail ? { ok: false, reason: `the province refused the query: ${detail}` } : { ok: false, reason: `the answer has no ${responseKey} list`, invalid: true };
  }
  if (entities.length !== representations.length) {
    return { ok: false, reason: `the answer has ${entities.length} entities for ${representations.length} representations`, invalid: true };
  }
  for (let i = 0; i < entities.length; i++) {
    const violation = validator.check(entities[i], representations[i] as { __typename?: unknown; id?: unknown });
    if (violation) return { ok: false, reason: entities.length > 1 ? `entity ${i}: ${violation}` : violation, invalid: true };
  }
  for (const entity of entities) validator.strip(entity);
  return { ok: true, entities, errors: exchange.errors };
}
