import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { groupRepresentations } from "./group-representations.ts";
import type { DocumentNode, GraphQLFormattedError } from "graphql";
import { type MergedEntities, mergeProvinceResults, type ProvinceResult } from "./merge-province-results.ts";
import { type ProvinceRoutes, resolveRoutes } from "./province-route.ts";
import type { ProvinceTransport } from "./post-graphql.ts";
import { readEntitiesOperation } from "./read-entities-operation.ts";
import { sendToProvince } from "./send-to-province.ts";

/** The code of the error answered to an operation that is not `_entities`. */
export const UNROUTABLE_OPERATION = "UNROUTABLE_OPERATION";

export const DEFAULT_PROVINCE_TIMEOUT_MS = 3000;

/** Where the router reports provinces that fail; Apollo's Logger and `console` both fit. */
export interface ProvinceRouterLogger {
  warn(message: string): void;
}

export interface ProvinceRouterOptions {
  /** The routing table, or a function returning the current one (read on every request). A province without a row has no subgraph: its entities are null, without error. */
  provinces: ProvinceRoutes;
  /** How long each province has to answer, in milliseconds (3000 by default); provinces are asked in parallel. */
  timeoutMs?: number;
  /** Told about every province that does not answer, and about representations without a province key. */
  logger?: ProvinceRouterLogger;
  /** How a province is reached; plain GraphQL over HTTP (`postGraphQL`) by default. */
  transport?: ProvinceTransport;
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

/**
 * The "province" subgraph as @apollo/gateway sees it (through `buildService`): each `_entities`
 * fetch is split by province key, sent to every province in parallel, and merged back in order.
 * A province that fails costs only its own entities, each with a PROVINCE_UNAVAILABLE error.
 */
export function createProvinceRouter({ provinces, timeoutMs = DEFAULT_PROVINCE_TIMEOUT_MS, logger, transport, logProvinceFailures = true }: ProvinceRouterOptions): ProvinceRouter {
  const routeEntities: ProvinceRouter["routeEntities"] = async (request, document) => {
    const operation = readEntitiesOperation(request, document);
    if (operation.kind === "unsupported") {
      return { errors: [{ message: `The province router cannot route this operation: ${operation.reason}`, extensions: { code: UNROUTABLE_OPERATION } }] };
    }

    const routes = new Map((await resolveRoutes(provinces)).map((route) => [route.id, route]));
    const { groups, withoutKey } = groupRepresentations(operation.representations);
    if (withoutKey.length > 0) logger?.warn(`province router: representations at ${withoutKey.join(", ")} carry no province id; answered null`);

    const results = await Promise.all(
      groups.flatMap(({ provinceId, indices, representations }): Promise<ProvinceResult>[] => {
        const route = routes.get(provinceId);
        if (!route) return [];
        if (route.excluded) return [Promise.resolve({ province: route, indices, answer: { ok: false as const, ...route.excluded } })];
        const share = { query: operation.query, operationName: request.operationName, variables: { ...request.variables, [operation.variableName]: representations } };
        return [
          sendToProvince(route, share, { responseKey: operation.responseKey, expected: representations.length, timeoutMs, transport }).then((answer) => {
            if (!answer.ok && logProvinceFailures) logger?.warn(`province ${route.id} (${route.name}) at ${route.url} is unavailable: ${answer.reason}`);
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
