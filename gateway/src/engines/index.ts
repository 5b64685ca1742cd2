import { createApolloEngine } from "./create-apollo-engine.ts";
import { createHiveEngine } from "./create-hive-engine.ts";
import type { GatewayEngineName, GatewayEngineOptions, GatewayEngineServer } from "./gateway-engine.ts";

export { GATEWAY_ENGINES, type GatewayEngineName, type GatewayEngineOptions, type GatewayEngineServer, type InProcessRequest, type InProcessResponse } from "./gateway-engine.ts";

/** Builds the gateway's HTTP server with the named engine behind /graphql (does not listen). */
export function createGatewayEngine(engine: GatewayEngineName, options: GatewayEngineOptions): Promise<GatewayEngineServer> {
  switch (engine) {
    case "apollo":
      return createApolloEngine(options);
    case "hive":
      return createHiveEngine({ ...options, planner: "rust" });
    case "hive-js":
      return createHiveEngine({ ...options, planner: "js" });
  }
}
