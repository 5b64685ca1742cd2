import { createServer } from "node:http";
import type { GatewayConfigSupergraph, GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { createJsonErrorHandler, listenHttpServer } from "@khcn/shared";
import express from "express";
import { type DocumentNode, execute, type ExecutionResult, type FieldNode, GraphQLError, type GraphQLSchema, Kind, type OperationDefinitionNode, print, visit } from "graphql";
import { useCacheableMark } from "../cache/cacheable-mark.ts";
import { loadGatewayLimits, loadGraphQLDebug } from "../limits/load-gateway-limits.ts";
import { useOperationLimits } from "../limits/use-operation-limits.ts";
import type { ProvinceRouter } from "../province-router/index.ts";
import { useDirectoryTimeout } from "../resilience/use-directory-timeout.ts";
import { applyContractScalars } from "./apply-contract-scalars.ts";
import { createMaskError } from "./create-mask-error.ts";
import type { GatewayEngineOptions, GatewayEngineServer } from "./gateway-engine.ts";
import { createGatewayRuntime, httpTransport, unifiedGraphHandler } from "./hive-modules.ts";
import { useRequestParseErrors } from "./use-request-parse-errors.ts";

/** What Hive's runtime hands a subgraph's executor (its ExecutionRequest, the parts used here). */
interface SubgraphRequest {
  document: DocumentNode;
  variables?: Record<string, unknown>;
  operationName?: string;
  context?: unknown;
}

type SubgraphExecutor = (request: SubgraphRequest) => Promise<ExecutionResult>;

/**
 * The planner hands out one parsed document per fetch of a plan, so printing each once is enough
 * for the router, which forwards the text to every province.
 */
function createPrinter(): (document: DocumentNode) => string {
  const printed = new WeakMap<DocumentNode, string>();
  return (document) => {
    let text = printed.get(document);
    if (text === undefined) printed.set(document, (text = print(document)));
    return text;
  };
}

/** One `_entities` field of a batched fetch, as an operation of its own. */
interface EntitiesPart {
  document: DocumentNode;
  /** The variables the field uses. */
  variableNames: string[];
}

/**
 * The Rust planner puts two entity fetches of the same step into one operation
 * (`_e0: _entities(representations: $__batch_reps_0) … _e1: _entities(…)`), for instance
 * `provinces { budgets }` beside `province(id:) { tasks }`. The router routes one `_entities`
 * field per operation; such an operation is split into one per field, each keeping its alias.
 * Undefined when the operation is not such a batch (or uses named fragments): it goes as it is.
 */
function splitEntitiesBatch(document: DocumentNode, operationName: string | undefined): EntitiesPart[] | undefined {
  if (document.definitions.some((d) => d.kind === Kind.FRAGMENT_DEFINITION)) return undefined;
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  const fields = operation?.selectionSet.selections ?? [];
  if (!operation || fields.length < 2 || !fields.every((f) => f.kind === Kind.FIELD && f.name.value === "_entities")) return undefined;
  return (fields as FieldNode[]).map((field) => {
    const used = new Set<string>();
    visit(field, { Variable: (node) => void used.add(node.name.value) });
    const part: OperationDefinitionNode = {
      ...operation,
      variableDefinitions: operation.variableDefinitions?.filter((v) => used.has(v.variable.name.value)),
      selectionSet: { ...operation.selectionSet, selections: [field] },
    };
    return { document: { kind: Kind.DOCUMENT, definitions: [part] }, variableNames: [...used] };
  });
}

/** "province": the router splits each `_entities` fetch by province, asks them in parallel and merges the answers. */
function provinceRouterExecutor(router: ProvinceRouter): SubgraphExecutor {
  const printDocument = createPrinter();
  // The planner hands out one document per fetch of a plan: split each once.
  const batches = new WeakMap<DocumentNode, EntitiesPart[] | undefined>();
  const route = async (document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined) =>
    (await router.routeEntities({ query: printDocument(document), variables, operationName }, document)) as ExecutionResult;
  return async ({ document, variables, operationName }) => {
    if (!batches.has(document)) batches.set(document, splitEntitiesBatch(document, operationName));
    const parts = batches.get(document);
    if (!parts) return route(document, variables, operationName);
    const results = await Promise.all(
      parts.map((part) => route(part.document, Object.fromEntries(part.variableNames.filter((n) => variables && n in variables).map((n) => [n, variables![n]])), operationName)),
    );
    const errors = results.flatMap((r) => r.errors ?? []);
    return { data: Object.assign({}, ...results.map((r) => r.data ?? {})) as Record<string, unknown>, ...(errors.length > 0 ? { errors } : {}) };
  };
}

/** "national": graphql-js over the national subgraph's own schema, in this process. */
function localSchemaExecutor(schema: GraphQLSchema): SubgraphExecutor {
  return async ({ document, variables, operationName }) => execute({ schema, document, variableValues: variables, operationName, contextValue: {} }) as Promise<ExecutionResult>;
}

const VARIABLE_ERROR = /^Variable "\$[^"]+" /;

/**
 * Apollo Server's answer to a request that never runs (a syntax or validation error, a variable
 * of the wrong type, no query): HTTP 400, and `BAD_USER_INPUT` on a variable's error. Yoga answers
 * these 200 to a client that accepts application/json (as the GraphQL-over-HTTP spec allows), and
 * a variable's error without a code.
 */
function useApolloRequestErrors(): GatewayPlugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result || "data" in result || !result.errors?.length) return;
      const errors = result.errors as readonly GraphQLError[];
      const isVariableError = (e: GraphQLError) => VARIABLE_ERROR.test(e.message);
      // Only request errors: a CSRF refusal (403) or anything Yoga did not mark as the client's fault keeps its status.
      if (!errors.every((e) => isVariableError(e) || (e.extensions?.http as { spec?: boolean } | undefined)?.spec)) return;
      setResult({
        ...result,
        errors: errors.map((e) =>
          isVariableError(e) && !e.extensions?.code
            ? new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, originalError: e.originalError, extensions: { ...e.extensions, code: "BAD_USER_INPUT" } })
            : e,
        ),
        extensions: { ...result.extensions, http: { ...(result.extensions?.http as object | undefined), status: 400 } },
      });
    },
  };
}

// Transport kinds of our own for the two subgraphs that run in this process; the directory keeps "http".
const PROVINCE_ROUTER_KIND = "khcn-province-router";
const IN_PROCESS_KIND = "khcn-in-process";

export interface HiveEngineOptions extends GatewayEngineOptions {
  /** `rust`: @graphql-hive/router-runtime's query planner; `js`: the runtime's own (stitching) planner. */
  planner: "rust" | "js";
}

/**
 * Hive Gateway's runtime over the static supergraph, behind the same express server as the
 * project's own routes: "directory" over HTTP (@graphql-mesh/transport-http, at `directoryUrl`),
 * "province" to the province router and "national" executed over its schema, both in this process
 * through transports of their own kind. No landing page or GraphiQL of Hive's (ours is at /), CSRF
 * prevention, CORS and request errors as Apollo Server's, and subgraph batching off: the router takes one `_entities` field
 * per operation, and batching would merge two fetches of the same tick into one operation.
 */
export async function createHiveEngine({ supergraphSdl, router, national, directoryUrl, directoryTimeoutMs = 3000, routes, path = "/graphql", planner, limits = loadGatewayLimits(), debug = loadGraphQLDebug() }: HiveEngineOptions): Promise<GatewayEngineServer> {
  const executors: Record<string, SubgraphExecutor> = { province: provinceRouterExecutor(router), national: localSchemaExecutor(national) };
  const inProcess = { getSubgraphExecutor: ({ subgraphName }: { subgraphName: string }) => executors[subgraphName]! };
  const config: GatewayConfigSupergraph = {
    supergraph: supergraphSdl,
    ...(planner === "rust" ? { unifiedGraphHandler } : {}),
    transports: { http: httpTransport, [PROVINCE_ROUTER_KIND]: inProcess, [IN_PROCESS_KIND]: inProcess } as GatewayConfigSupergraph["transports"],
    transportEntries: {
      directory: { location: directoryUrl },
      province: { kind: PROVINCE_ROUTER_KIND },
      national: { kind: IN_PROCESS_KIND },
    },
    __experimental__batchExecution: false,
    graphqlEndpoint: path,
    landingPage: false,
    graphiql: false,
    // Apollo Server passes an error's message on without its stack trace; so does this (no file path either, unless GRAPHQL_DEBUG).
    maskedErrors: { maskError: createMaskError(debug) },
    // Apollo Server's rule: a request whose content type a browser may send without a preflight needs one of these headers.
    csrfPrevention: { requestHeaders: ["x-apollo-operation-name", "apollo-require-preflight"] },
    // No CORS headers, as the Apollo gateway sends none (Yoga's default answers every origin).
    cors: false,
    // The limits first: an operation over one is refused before anything else looks at it.
    plugins: () => [
      useRequestParseErrors(),
      useOperationLimits(limits),
      { onSchemaChange: ({ schema }) => void applyContractScalars(schema) },
      useApolloRequestErrors(),       useDirectoryTimeout({ timeoutMs: directoryTimeoutMs }),
      useCacheableMark(),
    ],
    logging: false,
  };
  const runtime = createGatewayRuntime(config);

  const app = express();
  app.disable("x-powered-by");
  const httpServer = createServer(app);
  routes(app);
  app.use(path, (req, res) => void runtime.requestListener(req, res));
  // What express itself could not read (a body the cache's parser refused, say) is answered as JSON, not express's HTML page.
  app.use(createJsonErrorHandler(debug));
  let stopped = false;
  return {
    engine: planner === "rust" ? "hive" : "hive-js",
    app,
    httpServer,
    listen: (port, host = "0.0.0.0") => listenHttpServer(httpServer, port, host, path),
    async handle({ body, headers = {} }) {
      const response = await runtime.fetch(`http://gateway.local${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
      return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (httpServer.listening) {
        const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        httpServer.closeIdleConnections();
        await closed;
      }
      await runtime.dispose();
    },
  };
}
