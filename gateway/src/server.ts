import { loadMeasureCatalogue, readOneOf } from "@khcn/shared";
import { readFile } from "node:fs/promises";
import type { GraphQLFormattedError } from "graphql";
import { DEFAULT_DIRECTORY_TIMEOUT_MS, DEFAULT_PROVINCE_BREAKER_COOLDOWN_MS, DEFAULT_PROVINCE_BREAKER_FAILURES, type GatewayConfig } from "./config.ts";
import { mountDashboard } from "./dashboard/mount-dashboard.ts";
import { createGatewayEngine, GATEWAY_ENGINES, type GatewayEngineName, type GatewayEngineServer } from "./engines/index.ts";
import { mountExport } from "./export/mount-export.ts";
import { mountGraphiQL } from "./graphiql/mount-graphiql.ts";
import { loadExampleQueries } from "./graphiql/load-examples.ts";
import { mountHealthRoutes } from "./health/mount-health-routes.ts";
import { createNationalSchema } from "./national/create-national-schema.ts";
import { createProvinceRouter, postGraphQL, type ProvinceTransport } from "./province-router/index.ts";
import { createProvinceBreakers } from "./resilience/create-province-breakers.ts";
import { createStatusMonitor, type StatusMonitor } from "./status/create-status-monitor.ts";
import { readCommittedSupergraph } from "./supergraph/read-supergraph.ts";
import { subgraphSdlPaths } from "./supergraph/subgraph-sources.ts";

export interface GatewayLogger {
  info(message: string): void;
  warn(message: string): void;
}

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
   * environment (so a whole test suite can run on another engine), else @apollo/gateway.
   */
  engine?: GatewayEngineName;
}

export interface GatewayServer {
  server: GatewayEngineServer;
  monitor: StatusMonitor;
  stop(): Promise<void>;
}

const quietLogger: GatewayLogger = { info: () => {}, warn: () => {} };

/**
 * Builds the gateway (does not listen): an engine (@apollo/gateway by default, or Hive Gateway's
 * runtime: GATEWAY_ENGINE) over the static supergraph, "directory" sent to DIRECTORY_URL,
 * "province" to the province router, "national" answered in this process, GraphQL at /graphql,
 * GraphiQL at / and /graphiql (and at /graphql for a browser), the comparison page at /dashboard,
 * CSV downloads at /export/<measure>.csv, /health/live and /health/ready. The status monitor is not
 * started here.
 */
export async function createGatewayServer({ config, supergraphSdl, contractSdl, logger = quietLogger, provinceTransport, engine }: GatewayServerOptions): Promise<GatewayServer> {
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
  const router = createProvinceRouter({
    provinces: () => monitor.routes(),
    timeoutMs: config.provinceTimeoutMs,
    logger,
    transport: breakers.wrap(provinceTransport ?? postGraphQL),
    // The monitor logs each province's change of circuit, once, instead of every failed request.
    logProvinceFailures: false,
  });
  const national = createNationalSchema({ catalogue: loadMeasureCatalogue(), router, directoryUrl: config.directoryUrl, timeoutMs: directoryTimeoutMs });
  // The export runs its queries through the engine itself; requests reach it only after it is built.
  let engineServer: GatewayEngineServer | undefined;
  const executeInProcess = async (query: string, variables: Record<string, unknown>) => {
    const { body } = await engineServer!.handle({ body: JSON.stringify({ query, variables }) });
    return JSON.parse(body) as { data?: unknown; errors?: GraphQLFormattedError[] };
  };
  const server = await createGatewayEngine(engine ?? config.engine ?? readOneOf(process.env, "GATEWAY_ENGINE", GATEWAY_ENGINES, "apollo"), {
    supergraphSdl: supergraph,
    router,
    national,
    directoryUrl: config.directoryUrl,
    directoryTimeoutMs,
    routes: (app) => {
      mountHealthRoutes(app, { directoryUrl: config.directoryUrl, monitor, timeoutMs: directoryTimeoutMs });
      mountGraphiQL(app, { endpoint: "/graphql", examples });
      mountDashboard(app);
      mountExport(app, { execute: executeInProcess });
    },
  });
  engineServer = server;
  return {
    server,
    monitor,
    stop: async () => {
      monitor.stop();
      await server.stop();
    },
  };
}
