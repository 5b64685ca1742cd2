import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/index.js";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLSchema, parse } from "graphql";
import { type BuildSchemaOptions, buildSchema, createResolversMap } from "type-graphql";

/**
 * Builds a Federation 2 subgraph schema from type-graphql resolvers, the way type-graphql's
 * apollo-federation-2 example does: type-graphql builds the types, the SDL is printed with its
 * directives (printSchema would drop @key), and @apollo/subgraph adds _entities and _service.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, "skipCheck">,
  referenceResolvers?: GraphQLResolverMap<unknown>,
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true });
  const federationLink = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@inaccessible", "@shareable"])`;
  const typeDefs = parse(`${federationLink}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(reference as object) } as never;
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}
