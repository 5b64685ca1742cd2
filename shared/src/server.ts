// The parts of @khcn/shared that serve GraphQL (Apollo Server, type-graphql, express), apart
// from the light ones in index.ts: a module that needs only an error code or a setting does not load
// them (they took 1.5 s of the gateway's cold start).
export { buildFederatedSchema } from "./build-federated-schema.ts";
export { createGraphQLHttpServer, type GraphQLHttpServer, type GraphQLHttpServerOptions } from "./create-graphql-http-server.ts";
