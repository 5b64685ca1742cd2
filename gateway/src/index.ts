export { DEFAULT_PROVINCE_SUBGRAPHS, type GatewayConfig, loadGatewayConfig, parseProvinceSubgraphs, type ProvinceSubgraph } from "./config.ts";
export { createGatewayServer, type GatewayLogger, type GatewayServer, type GatewayServerOptions } from "./server.ts";
export { type RunningGateway, startGateway, type StartGatewayOptions } from "./start-gateway.ts";
export type { GraphQLExchange, GraphQLRequestBody, ProvinceTransport } from "./province-router/index.ts";
export { postGraphQL } from "./province-router/index.ts";
export { composeCommittedSupergraph, composeSupergraph, CompositionError } from "./supergraph/compose-supergraph.ts";
export { readCommittedSupergraph } from "./supergraph/read-supergraph.ts";
export { loadExampleQueries, type ExampleQuery } from "./graphiql/load-examples.ts";
export type { ProvinceState, ProvinceStatus } from "./status/create-status-monitor.ts";
