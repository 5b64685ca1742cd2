import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerOptions, type BaseContext } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express, type Request } from "express";

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
 */
export async function createGraphQLHttpServer<TContext extends BaseContext>(
  options: GraphQLHttpServerOptions<TContext>,
): Promise<GraphQLHttpServer> {
  const app = express();
  const httpServer = createServer(app);
  // Cache-control hints cost a hook on every resolved field and nothing here reads them; inline
  // traces serve Apollo's usage reporting, which does not run here (both measured in `npm run bench`).
  const plugins = [
    ...(options.apollo.plugins ?? []),
    ApolloServerPluginDrainHttpServer({ httpServer }),
    ApolloServerPluginCacheControlDisabled(),
    ApolloServerPluginInlineTraceDisabled(),
  ];
  const hasLandingPage = plugins.some((p) => "renderLandingPage" in p || (p as { __internal_plugin_id__?: string }).__internal_plugin_id__ === "LandingPageDisabled");
  if (!hasLandingPage) plugins.push(ApolloServerPluginLandingPageDisabled());
  const apollo = new ApolloServer<TContext>({ ...options.apollo, plugins } as ApolloServerOptions<TContext>);
  await apollo.start();
  options.routes?.(app, apollo);
  app.use(options.path ?? "/graphql", express.json({ limit: "5mb" }), expressMiddleware(apollo, { context: ({ req }) => options.context({ req }) }));
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
