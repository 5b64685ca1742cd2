import { buildFederatedSchema, createGraphQLHttpServer, type GraphQLHttpServer } from "@khcn/shared/server";
import type { GraphQLSchema } from "graphql";
import type { DirectoryContext } from "./context.ts";
import { resolveProvinceReference } from "./province/province.reference.ts";
import { ProvinceResolver } from "./province/province.resolver.ts";
import type { ProvinceRegistry } from "./registry/province-registry.ts";

let cached: Promise<GraphQLSchema> | undefined;

/** The directory subgraph's schema; the registry comes with each request's context. */
export function buildDirectorySchema(): Promise<GraphQLSchema> {
  cached ??= buildFederatedSchema({ resolvers: [ProvinceResolver] }, { Province: { __resolveReference: resolveProvinceReference } });
  return cached;
}

export interface DirectoryServerOptions {
  /** A validated registry, from loadProvinceRegistry. */
  registry: ProvinceRegistry;
}

/** Builds the directory's server (GraphQL at /graphql, /health); does not listen. */
export async function createDirectoryServer({ registry }: DirectoryServerOptions): Promise<GraphQLHttpServer> {
  return createGraphQLHttpServer<DirectoryContext>({
    apollo: { schema: await buildDirectorySchema(), introspection: true },
    context: async () => ({ registry }),
    routes: (app) => {
      app.get("/health", (_req, res) => {
        res.json({ status: "ok", provinces: registry.provinces.length });
      });
    },
  });
}
