import { loadMeasureCatalogue, readInt, readOneOf } from "@khcn/shared";
import { readFile } from "node:fs/promises";
import type { GraphQLFormattedError } from "graphql";
import { createResponseCacheLayer, type ResponseCacheLayer } from "./cache/create-response-cache-layer.ts";
import type { CacheReply } from "./cache/create-response-cache.ts";
import { DEFAULT_DIRECTORY_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_PROVINCE_BREAKER_COOLDOWN_MS, DEFAULT_PROVINCE_BREAKER_FAILURES, DEFAULT_RESPONSE_CACHE, type GatewayConfig } from "./config.ts";
import { mountDashboard } from "./dashboard/mount-dashboard.ts";
import { createGatewayEngine, GATEWAY_ENGINES, type GatewayEngineName, type GatewayEngineServer, type InProcessRequest, type InProcessResponse } from "./engines/index.ts";
import { mountExport } from "./export/mount-export.ts";
import { mountResponseCache } from "./cache/mount-response-cache.ts";
import { mountGraphiQL } from "./graphiql/mount-graphiql.ts";
import { loadExampleQueries } from "./graphiql/load-examples.ts";
import { mountHealthRoutes } from "./health/mount-health-routes.ts";
import { createNationalSchema } from "./national/create-national-schema.ts";
import type { GatewayLogger } from "./observability/create-gateway-logger.ts";
import { createGatewayMetrics, type GatewayMetrics } from "./observability/create-gateway-metrics.ts";
import { mountObservability } from "./observability/mount-observability.ts";
import { currentRequestId, currentRequestSignal } from "./observability/request-context.ts";
import { createProvinceRouter, DEFAULT_MAX_ANSWER_BYTES, postGraphQL, type ProvinceTransport } from "./province-router/index.ts";
import { createProvinceBreakers } from "./resilience/create-province-breakers.ts";
import { createStatusMonitor, type StatusMonitor } from "./status/create-status-monitor.ts";
import { readCommittedSupergraph } from "./supergraph/read-supergraph.ts";
import { subgraphSdlPaths } from "./supergraph/subgraph-sources.ts";

export type { GatewayLogger } from "./observability/create-gateway-logger.ts";

export interface GatewayServerOptions {
  config: Omit<GatewayConfig, "port">;
  /** The supergraph to serve; the committed gateway/supergraph.graphql by default. */
  supergraphSdl?: string;
  /** The province contract the provinces are checked against; subgraphs/province/schema.graphql by default. */
  contractSdl?: string;
  logger?: GatewayLogger;
  /** How the province router reaches a province; plain GraphQL over HTTP by default. */
  provinceTransport?: ProvinceTransport;
  /**
   * The engine that executes the supergraph; else `config.engine`, else GATEWAY_ENGINE from the
   * environment (so a whole test suite can run on another engine), else Hive Gateway's runtime.
   */
  engine?: GatewayEngineName;
  /**
   * Starts the first status and data-version round while the engine's modules load (startGateway
   * does): the provinces answer while this process is busy importing. `start()` then awaits it.
   */
  startEarly?: boolean;
}

export interface GatewayServer {
  server: GatewayEngineServer;
  monitor: StatusMonitor;
  /** The response cache and the data versions it relies on; undefined when RESPONSE_CACHE=off. */
  cache: ResponseCacheLayer | undefined;
  /** What /metrics serves: province calls, circuits, requests, errors by code, the cache's hits. */
  metrics: GatewayMetrics;
  /** One POST to /graphql in this process, as a client's: through the response cache, then the engine. */
  handle(request: InProcessRequest): Promise<InProcessResponse>;
  /** The same, answered as the HTTP layer writes it: the chunks as kept (a cached answer's bytes are not decoded). */
  respond(request: InProcessRequest): Promise<CacheReply>;
  /** The first status check and data-version round, then both on their schedules. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Apollo Server's own limit on a JSON body (express.json in shared/), kept whichever engine answers. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

const quietLogger: GatewayLogger = { info: () => {}, warn: () => {} };

/**
 * Builds the gateway (does not listen): an engine (Hive Gateway's runtime with its Rust planner by
 * default; @apollo/gateway by GATEWAY_ENGINE=apollo) over the static supergraph, "directory" sent to DIRECTORY_URL,
 * "province" to the province router, "national" answered in this process, GraphQL at /graphql,
 * GraphiQL at / and /graphiql (and at /graphql for a browser), the comparison page at /dashboard,
 * CSV downloads at /export/<measure>.csv, /health/live and /health/ready, Prometheus metrics at
 * /metrics; every GraphQL request gets an id (`x-request-id`) that its province and directory calls
 * and its log lines carry. The status monitor is not started here.
 */
export async function createGatewayServer({ startEarly = false, config, supergraphSdl, contractSdl, logger = quietLogger, provinceTransport, engine }: GatewayServerOptions): Promise<GatewayServer> {
  const [supergraph, contract, examples] = await Promise.all([
    supergraphSdl ?? readCommittedSupergraph(),
    contractSdl ?? readFile(subgraphSdlPaths.province, "utf8"),
    loadExampleQueries(),
  ]);
  const directoryTimeoutMs = config.directoryTimeoutMs ?? DEFAULT_DIRECTORY_TIMEOUT_MS;
  const breakers = createProvinceBreakers({
    failures: config.provinceBreakerFailures ?? DEFAULT_PROVINCE_BREAKER_FAILURES,
    cooldownMs: config.provinceBreakerCooldownMs ?? DEFAULT_PROVINCE_BREAKER_COOLDOWN_MS,
  });
  // One routing table: the configured routes, the directory's names, the contract check's exclusions; the breakers sit in the transport.
  const monitor = createStatusMonitor({
    directoryUrl: config.directoryUrl,
    provinces: config.provinces,
    contractSdl: contract,
    timeoutMs: config.provinceTimeoutMs,
    directoryTimeoutMs,
    intervalMs: config.contractCheckIntervalMs,
    breakers,
    logger,
  });
  const metrics = createGatewayMetrics({ circuits: () => config.provinces.map(({ id, url }) => ({ province: id, circuit: breakers.circuitOf(url) })) });
  const provinceByUrl = new Map(config.provinces.map(({ id, url }) => [url, id]));
  const cacheConfig = config.responseCache ?? DEFAULT_RESPONSE_CACHE;
  const cache =
    cacheConfig.kind === "off"
      ? undefined
      : createResponseCacheLayer({ config: cacheConfig, routes: () => monitor.routes(), timeoutMs: config.provinceTimeoutMs, logger, transport: provinceTransport, onOutcome: metrics.countCacheOutcome });
  const router = createProvinceRouter({
    provinces: () => monitor.routes(),
    contractSdl: contract,
    // PROVINCE_MAX_ANSWER_BYTES: bytes read at most from one province's answer (16 MiB by default).
    maxAnswerBytes: readInt(process.env, "PROVINCE_MAX_ANSWER_BYTES", DEFAULT_MAX_ANSWER_BYTES, { min: 1024 }),
    timeoutMs: config.provinceTimeoutMs,
    logger,
    // Timed outside the breakers, so a call an open circuit answers at once is counted too (outcome circuit_open).
    transport: metrics.instrument(breakers.wrap(provinceTransport ?? postGraphQL), (url) => provinceByUrl.get(url) ?? url),
    requestId: currentRequestId,
    requestSignal: currentRequestSignal,
    onProvinceFailure: cache?.versions.noteFailure,
    // The monitor logs each province's change of circuit, once, instead of every failed request.
    logProvinceFailures: false,
  });
  const national = createNationalSchema({ catalogue: loadMeasureCatalogue(), router, directoryUrl: config.directoryUrl, timeoutMs: directoryTimeoutMs });
  // Both rounds ask every province; side by side, a start waits for the slower only.
  let started: Promise<void> | undefined;
  const start = () => (started ??= Promise.all([monitor.start(), cache?.versions.start()]).then(() => undefined));
  if (startEarly) start().catch(() => {}); // its failure reaches whoever awaits start()
  // The cache and the export run their queries through the engine itself; requests reach it only after it is built.
  let engineServer: GatewayEngineServer | undefined;
  const executeEngine = (request: InProcessRequest) => engineServer!.handle(request);
  const respond = async (request: InProcessRequest): Promise<CacheReply> => {
    if (!cache) {
      const { status, headers, body } = await executeEngine(request);
      return { status, headers, chunks: [body] };
    }
    return cache.cache.answer({ body: request.body, headers: { "content-type": "application/json", ...request.headers } }, (r) => executeEngine({ body: r.body, headers: r.headers }));
  };
  const handle = async (request: InProcessRequest): Promise<InProcessResponse> => {
    const { status, headers, chunks } = await respond(request);
    return { status, headers, body: chunks.map((c) => c.toString()).join("") };
  };
  const executeInProcess = async (query: string, variables: Record<string, unknown>) => {
    const { body } = await handle({ body: JSON.stringify({ query, variables }) });
    return JSON.parse(body) as { data?: unknown; errors?: GraphQLFormattedError[] };
  };
  const stopChecks = async () => {
    monitor.stop();
    cache?.versions.stop();
    await cache?.store.close();
  };
  const server = await createGatewayEngine(engine ?? config.engine ?? readOneOf(process.env, "GATEWAY_ENGINE", GATEWAY_ENGINES, "hive"), {
    supergraphSdl: supergraph,
    router,
    national,
    directoryUrl: config.directoryUrl,
    directoryTimeoutMs,
    limits: config.limits,
    debug: config.debug,
    routes: (app) => {
      // First: /metrics is never behind the response cache, and every route after this one runs with the request's id.
      mountObservability(app, { path: "/graphql", metrics, logger, requestTimeoutMs: config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS });
      mountHealthRoutes(app, { directoryUrl: config.directoryUrl, monitor, timeoutMs: directoryTimeoutMs });
      mountGraphiQL(app, { endpoint: "/graphql", examples });
      mountDashboard(app);
      mountExport(app, { execute: executeInProcess });
      if (cache) mountResponseCache(app, { path: "/graphql", cache: cache.cache, execute: executeEngine, maxBodyBytes: MAX_BODY_BYTES });
    },
  }).catch(async (error: unknown) => {
    // A round started early must not keep the process alive after a failed build.
    await stopChecks();
    throw error;
  });
  engineServer = server;
  return {
    server,
    monitor,
    cache,
    metrics,
    handle,
    respond,
    start,
    stop: async () => {
      await server.stop();
      await stopChecks();
    },
  };
}
