import { createServer, type Server } from "node:http";
import { listenHttpServer } from "./listen-http-server.ts";
import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin, type BaseContext } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express, type Request } from "express";
import pino from "pino";
import { readBoolean, readOneOf } from "./env.ts";
import { createFormatError, createJsonErrorHandler, hidePaths } from "./error-hygiene.ts";
import { loadOperationLimits, type OperationLimits, protectOperationLimits } from "./operation-limits.ts";
import { readValidRequestId, REQUEST_ID_HEADER } from "./request-id.ts";

/** Where a service logs the errors it answers: pino's shape (fields, then the message). */
export interface ServiceErrorLogger {
  error(fields: Record<string, unknown>, message: string): void;
  debug(fields: Record<string, unknown>, message: string): void;
}

let defaultLogger: ServiceErrorLogger | undefined;

/** One pino logger for every service of this process: JSON lines on stdout at LOG_LEVEL (`info` by default). */
function serviceLogger(): ServiceErrorLogger {
  return (defaultLogger ??= pino({
    level: readOneOf(process.env, "LOG_LEVEL", ["error", "warn", "info", "debug", "trace"] as const, "info"),
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  }));
}

/**
 * The gateway's request id (`x-request-id`, when valid) answered back, and on the log line of each
 * error: an unexpected one (no code, INTERNAL_SERVER_ERROR) at `error`, one with a code (a refused
 * query, a bad variable) at `debug`.
 */
function useRequestIdLog(logger: ServiceErrorLogger, debug: boolean): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ request }) {
      const requestId = readValidRequestId(request.http?.headers.get(REQUEST_ID_HEADER));
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const code = error.extensions?.code as string | undefined;
            const unexpected = code === undefined || code === "INTERNAL_SERVER_ERROR";
            const fields = { ...(requestId ? { requestId } : {}), code: code ?? "INTERNAL_SERVER_ERROR", ...(operationName ? { operationName } : {}), ...(error.path ? { path: error.path.join(".") } : {}) };
            logger[unexpected ? "error" : "debug"](fields, debug ? error.message : hidePaths(error.message));
          }
        },
        async willSendResponse({ response }) {
          if (requestId) response.http.headers.set(REQUEST_ID_HEADER, requestId);
        },
      };
    },
  };
}

export interface GraphQLHttpServerOptions<TContext extends BaseContext> {
  /** Apollo Server options (schema or gateway, plugins...). */
  apollo: ApolloServerOptions<TContext>;
  /** Builds the per-request context, e.g. fresh DataLoaders; `req` carries path parameters. */
  context: (args: { req: Request }) => Promise<TContext>;
  /**
   * Mounts routes before GraphQL: health checks, static assets. It gets the started Apollo Server
   * too, for a route that answers from the same GraphQL execution in process (the gateway's CSV export).
   */
  routes?: (app: Express, apollo: ApolloServer<TContext>) => void;
  /** Path of the GraphQL endpoint. */
  path?: string;
  /** Operation limits; read from GRAPHQL_MAX_* and SUBGRAPH_MAX_REPRESENTATIONS (loadOperationLimits) by default. */
  limits?: OperationLimits;
  /**
   * Stack traces and file paths in error responses: GRAPHQL_DEBUG=true by default, else off, whatever
   * NODE_ENV says (Apollo would include stack traces whenever NODE_ENV is unset).
   */
  debug?: boolean;
  /** Where the errors answered are logged, with the request's id; pino on stdout at LOG_LEVEL by default. */
  logger?: ServiceErrorLogger;
}

export interface GraphQLHttpServer {
  app: Express;
  apollo: ApolloServer<never>;
  httpServer: Server;
  /** Starts listening (port 0 picks a free port) and resolves to the GraphQL URL. */
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * One way to serve GraphQL over HTTP for every service here: express with Apollo's integration, a
 * drain plugin so stop() waits for requests in flight, and no CDN landing page (we work offline).
 * Every service built here gets the operation limits (README, "Limits on every subgraph"), JSON
 * errors for unreadable requests, no stack traces unless GRAPHQL_DEBUG, and no X-Powered-By; the
 * gateway's `x-request-id` is answered back and logged (JSON) with each error.
 */
export async function createGraphQLHttpServer<TContext extends BaseContext>(
  options: GraphQLHttpServerOptions<TContext>,
): Promise<GraphQLHttpServer> {
  const limits = options.limits ?? loadOperationLimits(process.env);
  const debug = options.debug ?? readBoolean(process.env, "GRAPHQL_DEBUG", false);
  const protection = protectOperationLimits(limits);
  const app = express();
  app.disable("x-powered-by");
  const httpServer = createServer(app);
  // Cache-control hints cost a hook on every resolved field and nothing here reads them; inline
  // traces serve Apollo's usage reporting, which does not run here (both measured in `npm run bench`).
  const plugins = [
    useRequestIdLog(options.logger ?? serviceLogger(), debug) as ApolloServerPlugin<TContext>,
    ...protection.plugins,
    ...(options.apollo.plugins ?? []),
    ApolloServerPluginDrainHttpServer({ httpServer }),
    ApolloServerPluginCacheControlDisabled(),
    ApolloServerPluginInlineTraceDisabled(),
  ];
  const hasLandingPage = plugins.some((p) => "renderLandingPage" in p || (p as { __internal_plugin_id__?: string }).__internal_plugin_id__ === "LandingPageDisabled");
  if (!hasLandingPage) plugins.push(ApolloServerPluginLandingPageDisabled());
  const apollo = new ApolloServer<TContext>({
    ...options.apollo,
    plugins,
    parseOptions: { ...options.apollo.parseOptions, ...protection.parseOptions },
    validationRules: [...(options.apollo.validationRules ?? []), ...protection.validationRules],
    includeStacktraceInErrorResponses: options.apollo.includeStacktraceInErrorResponses ?? debug,
    formatError: createFormatError(debug, options.apollo.formatError),
  } as ApolloServerOptions<TContext>);
  await apollo.start();
  options.routes?.(app, apollo);
  app.use(options.path ?? "/graphql", express.json({ limit: "5mb" }), expressMiddleware(apollo, { context: ({ req }) => options.context({ req }) }));
  app.use(createJsonErrorHandler(debug));
  let stopped = false;
  return {
    app,
    apollo: apollo as unknown as ApolloServer<never>,
    httpServer,
    listen: (port, host = "0.0.0.0") => listenHttpServer(httpServer, port, host, options.path ?? "/graphql"),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
