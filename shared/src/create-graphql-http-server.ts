import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerOptions, type BaseContext } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express, type Request } from "express";
import { readBoolean } from "./env.ts";
import { createFormatError, createJsonErrorHandler } from "./error-hygiene.ts";
import { loadOperationLimits, type OperationLimits, protectOperationLimits } from "./operation-limits.ts";

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
 * errors for unreadable requests, no stack traces unless GRAPHQL_DEBUG, and no X-Powered-By.
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
    listen: (port, host = "0.0.0.0") =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const { port: actual } = httpServer.address() as AddressInfo;
          resolve(`http://127.0.0.1:${actual}${options.path ?? "/graphql"}`);
        });
      }),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
