import type { GatewayEngineName, GatewayEngineOptions, GatewayEngineServer } from "./gateway-engine.ts";

export { GATEWAY_ENGINES, type GatewayEngineName, type GatewayEngineOptions, type GatewayEngineServer, type InProcessRequest, type InProcessResponse } from "./gateway-engine.ts";

/**
 * Builds the gateway's HTTP server with the named engine behind /graphql (does not listen). Each
 * engine's modules are loaded only when it is chosen: Hive Gateway's runtime and its planner take
 * over two seconds to import here, @apollo/gateway half a second, and a start pays for one of them.
 */
export async function createGatewayEngine(engine: GatewayEngineName, options: GatewayEngineOptions): Promise<GatewayEngineServer> {
  switch (engine) {
    case "apollo":
      return (await import("./create-apollo-engine.ts")).createApolloEngine(options);
    case "hive":
      return (await import("./create-hive-engine.ts")).createHiveEngine({ ...options, planner: "rust" });
    case "hive-js":
      return (await import("./create-hive-engine.ts")).createHiveEngine({ ...options, planner: "js" });
  }
}
