import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { DocumentNode, GraphQLFormattedError } from "graphql";
import { LRUCache } from "lru-cache";
import { type AnswerValidator, buildContractSchema, compileAnswerValidator, type RefusedQuery } from "./compile-answer-validator.ts";
import { groupRepresentations } from "./group-representations.ts";
import { type MergedEntities, mergeProvinceResults, type ProvinceResult } from "./merge-province-results.ts";
import { DEFAULT_MAX_ANSWER_BYTES, type ProvinceTransport } from "./post-graphql.ts";
import { type ProvinceRoutes, resolveRoutes } from "./province-route.ts";
import { readEntitiesOperation } from "./read-entities-operation.ts";
import { sendToProvince } from "./send-to-province.ts";

/** The code of the error answered to an operation that is not `_entities`. */
export const UNROUTABLE_OPERATION = "UNROUTABLE_OPERATION";

export const DEFAULT_PROVINCE_TIMEOUT_MS = 3000;

/** Where the router reports provinces that fail; Apollo's Logger and `console` both fit. */
export interface ProvinceRouterLogger {
  warn(message: string): void;
}

/** How many compiled answer validators (one per query text) the router keeps. */
const VALIDATORS_KEPT = 500;

export interface ProvinceRouterOptions {
  /** The routing table, or a function returning the current one (read on every request). A province without a row has no subgraph: its entities are null, without error. */
  provinces: ProvinceRoutes;
  /**
   * The contract every province serves (subgraphs/province/schema.graphql). Each province's answer
   * is checked against it before it is merged; a query that does not validate against it is refused.
   */
  contractSdl: string;
  /** Bytes read at most from one province's answer (16 MiB by default); a longer one is aborted and refused as PROVINCE_INVALID_ANSWER. */
  maxAnswerBytes?: number;
  /** How long each province has to answer, in milliseconds (3000 by default); provinces are asked in parallel. */
  timeoutMs?: number;
  /** Told about every province that does not answer, and about representations without a province key. */
  logger?: ProvinceRouterLogger;
  /** How a province is reached; plain GraphQL over HTTP (`postGraphQL`) by default. */
  transport?: ProvinceTransport;
  /** Told of every province that fails to answer (the response cache keeps no answer computed meanwhile). */
  onProvinceFailure?: (provinceId: string) => void;
  /** The id of the client's request being served, sent to each province as `x-request-id`; read on every request. */
  requestId?: () => string | undefined;
  /** The signal of the client's request being served: its province calls stop when it aborts (client gone, deadline passed). */
  requestSignal?: () => AbortSignal | undefined;
  /** Whether each failed province call is logged (true by default); false when the transport's circuit breakers log each change of state instead. */
  logProvinceFailures?: boolean;
}

/** An `_entities` request as the router takes it: GraphQL over HTTP's body, parsed or not. */
export interface EntitiesRequest {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** The province router: a data source for the gateway, and the same routing for in-process callers (the national subgraph). */
export interface ProvinceRouter extends GraphQLDataSource {
  /** Splits an `_entities` request by province key, asks each province in parallel, merges the answers in order. */
  routeEntities(request: EntitiesRequest, document?: DocumentNode): Promise<MergedEntities | { errors: GraphQLFormattedError[] }>;
}

const unroutable = (reason: string) => ({ errors: [{ message: `The province router cannot route this operation: ${reason}`, extensions: { code: UNROUTABLE_OPERATION } }] });

/**
 * The "province" subgraph as @apollo/gateway sees it (through `buildService`): each `_entities`
 * fetch is split by province key, sent to every province in parallel, and merged back in order.
 * The router trusts no province: each answer is checked against the contract before it is merged
 * (compileAnswerValidator). A province that fails costs only its own entities, each with a
 * PROVINCE_UNAVAILABLE error, or PROVINCE_INVALID_ANSWER when what it sent broke the contract.
 */
export function createProvinceRouter({
  provinces,
  contractSdl,
  maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES,
  timeoutMs = DEFAULT_PROVINCE_TIMEOUT_MS,
  logger,
  transport,
  onProvinceFailure,
  logProvinceFailures = true,
  requestId,
  requestSignal,
}: ProvinceRouterOptions): ProvinceRouter {
  const contract = buildContractSchema(contractSdl);
  // One validator per query text: the planner sends the same few texts again and again.
  const validators = new LRUCache<string, { document: DocumentNode; validator: AnswerValidator | RefusedQuery }>({ max: VALIDATORS_KEPT });

  const routeEntities: ProvinceRouter["routeEntities"] = async (request, document) => {
    const cacheKey = request.query === undefined ? undefined : `${request.operationName ?? ""}\n${request.query}`;
    const cached = cacheKey === undefined ? undefined : validators.get(cacheKey);
    const operation = readEntitiesOperation(request, cached?.document ?? document);
    if (operation.kind === "unsupported") return unroutable(operation.reason);
    let validator = cached?.validator;
    if (!validator) {
      validator = compileAnswerValidator(contract, operation.document, operation.operation, operation.field);
      if (cacheKey !== undefined) validators.set(cacheKey, { document: operation.document, validator });
    }
    if (validator.kind === "refused") return unroutable(validator.reason);
    const compiled = validator;

    const currentRequestId = requestId?.();
    const signal = requestSignal?.();
    const routes = new Map((await resolveRoutes(provinces)).map((route) => [route.id, route]));
    const { groups, withoutKey } = groupRepresentations(operation.representations);
    if (withoutKey.length > 0) logger?.warn(`province router: representations at ${withoutKey.join(", ")} carry no province id; answered null`);

    const results = await Promise.all(
      groups.flatMap(({ provinceId, indices, representations }): Promise<ProvinceResult>[] => {
        const route = routes.get(provinceId);
        if (!route) return [];
        if (route.excluded) return [Promise.resolve({ province: route, indices, answer: { ok: false as const, ...route.excluded } })];
        // The client's variables go on as they came; only the representations are this province's share.
        const share = { query: compiled.query, operationName: request.operationName, variables: { ...request.variables, [operation.variableName]: representations } };
        return [
          sendToProvince(route, share, { responseKey: operation.responseKey, representations, validator: compiled, timeoutMs, transport, maxAnswerBytes, requestId: currentRequestId, signal }).then((answer) => {
            if (!answer.ok) {
              if (logProvinceFailures) logger?.warn(`province ${route.id} (${route.name}) at ${route.url} ${answer.invalid ? "sent an answer that breaks the contract" : "is unavailable"}: ${answer.reason}`);
              onProvinceFailure?.(route.id);
            }
            return { province: route, indices, answer };
          }),
        ];
      }),
    );
    return mergeProvinceResults(operation.representations.length, results, operation.responseKey);
  };
  return {
    routeEntities,
    async process(options: GraphQLDataSourceProcessOptions) {
      // The gateway's health check (`{ __typename }`, when serviceHealthCheck is on) is about the router
      // itself; each province's state is checkProvinceContracts' report. The kind enum is not exported.
      if ((options.kind as string) === "health check") return { data: { __typename: "Query" } };
      return routeEntities(options.request, "document" in options ? options.document : undefined);
    },
  };
}
