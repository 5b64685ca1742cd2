import { ApolloGateway, LocalGraphQLDataSource, RemoteGraphQLDataSource } from "@apollo/gateway";
import { createGraphQLHttpServer, type GraphQLHttpServer, loadMeasureCatalogue } from "@khcn/shared";
import { readFile } from "node:fs/promises";
import type { GatewayConfig } from "./config.ts";
import { mountExport } from "./export/mount-export.ts";
import { mountDashboard } from "./dashboard/mount-dashboard.ts";
import { mountGraphiQL } from "./graphiql/mount-graphiql.ts";
import { loadExampleQueries } from "./graphiql/load-examples.ts";
import { mountHealthRoutes } from "./health/mount-health-routes.ts";
import { createNationalSchema } from "./national/create-national-schema.ts";
import { createProvinceRouter, type ProvinceTransport } from "./province-router/index.ts";
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
}

export interface GatewayServer {
  server: GraphQLHttpServer;
  monitor: StatusMonitor;
  stop(): Promise<void>;
}

const quietLogger: GatewayLogger = { info: () => {}, warn: () => {} };

/**
 * Builds the gateway (does not listen): @apollo/gateway over the static supergraph, "directory"
 * sent to DIRECTORY_URL, "province" to the province router, "national" answered in this process, GraphQL at /graphql, GraphiQL at
 * / and /graphiql (and at /graphql for a browser), CSV downloads at /export/<measure>.csv, /health/live and /health/ready. The status monitor is not started here.
 */
export async function createGatewayServer({ config, supergraphSdl, contractSdl, logger = quietLogger, provinceTransport }: GatewayServerOptions): Promise<GatewayServer> {
  const [supergraph, contract, examples] = await Promise.all([
    supergraphSdl ?? readCommittedSupergraph(),
    contractSdl ?? readFile(subgraphSdlPaths.province, "utf8"),
    loadExampleQueries(),
  ]);
  const monitor = createStatusMonitor({
    directoryUrl: config.directoryUrl,
    provinces: config.provinces,
    contractSdl: contract,
    timeoutMs: config.provinceTimeoutMs,
    intervalMs: config.contractCheckIntervalMs,
    logger,
  });
  const router = createProvinceRouter({ provinces: () => monitor.routes(), timeoutMs: config.provinceTimeoutMs, logger, transport: provinceTransport });
  const national = createNationalSchema({ catalogue: loadMeasureCatalogue(), router, directoryUrl: config.directoryUrl, timeoutMs: config.provinceTimeoutMs });
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph,
    buildService: ({ name }) => {
      if (name === "province") return router;
      if (name === "directory") return new RemoteGraphQLDataSource({ url: config.directoryUrl });
      if (name === "national") return new LocalGraphQLDataSource(national);
      throw new Error(`the supergraph names a subgraph the gateway does not know: ${name}`);
    },
  });
  const server = await createGraphQLHttpServer({
    // Errors say what failed and where (PROVINCE_UNAVAILABLE names the province); a gateway stack trace adds nothing for a client.
    apollo: { gateway, introspection: true, includeStacktraceInErrorResponses: false },
    context: async () => ({}),
    routes: (app, apollo) => {
      mountHealthRoutes(app, { directoryUrl: config.directoryUrl, monitor, timeoutMs: config.provinceTimeoutMs });
      mountGraphiQL(app, { endpoint: "/graphql", examples });
      mountDashboard(app);
      mountExport(app, { apollo });
    },
  });
  return {
    server,
    monitor,
    stop: async () => {
      monitor.stop();
      await server.stop();
    },
  };
}
