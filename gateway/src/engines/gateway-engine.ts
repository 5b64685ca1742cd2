import type { Server } from "node:http";
import type { Express } from "express";
import type { GraphQLSchema } from "graphql";
import type { GatewayOperationLimits } from "../limits/load-gateway-limits.ts";
import type { ProvinceRouter } from "../province-router/index.ts";

/**
 * The engines the gateway can execute the supergraph with:
 * - `hive`: Hive Gateway's runtime with its Rust query planner (@graphql-hive/router-runtime), the
 *   default: chosen by measurement (docs/DESIGN.md, "The gateway's engine");
 * - `apollo`: @apollo/gateway (its JavaScript query planner) in Apollo Server, kept for comparison;
 * - `hive-js`: Hive Gateway's runtime with its own JavaScript planner (stitching), for comparison.
 */
export const GATEWAY_ENGINES = ["apollo", "hive", "hive-js"] as const;
export type GatewayEngineName = (typeof GATEWAY_ENGINES)[number];

/** What every engine executes: the same supergraph and the same three subgraphs. */
export interface GatewayEngineOptions {
  supergraphSdl: string;
  /** "province": every `_entities` fetch goes to the province router, in this process. */
  router: ProvinceRouter;
  /** "national": executed in this process over its schema. */
  national: GraphQLSchema;
  /** "directory": GraphQL over HTTP. */
  directoryUrl: string;
  /** How long the directory has to answer one fetch, in milliseconds; a hung directory is then DIRECTORY_UNAVAILABLE. 3000 by default. */
  directoryTimeoutMs?: number;
  /** The project's own routes (health, GraphiQL), mounted before GraphQL on the same server. */
  routes: (app: Express) => void;
  /** Path of the GraphQL endpoint. */
  path?: string;
  /** What one operation may ask (README, "Limits"); loadGatewayLimits() from the environment by default. */
  limits?: GatewayOperationLimits;
  /** Stack traces and file paths in error responses (GRAPHQL_DEBUG); off by default, whatever NODE_ENV says. */
  debug?: boolean;
}

/** A GraphQL-over-HTTP request handled in this process, without a socket. */
export interface InProcessRequest {
  /** The POST body, JSON text: `{"query": ..., "variables": ...}`. */
  body: string;
  /** Request headers besides `content-type: application/json`. */
  headers?: Record<string, string>;
}

/** The answer as the HTTP layer would send it: status, headers (lower-case names) and the serialised body. */
export interface InProcessResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The gateway's HTTP server with one engine behind /graphql. */
export interface GatewayEngineServer {
  engine: GatewayEngineName;
  app: Express;
  httpServer: Server;
  /** Starts listening (port 0 picks a free port) and resolves to the GraphQL URL. */
  listen(port: number, host?: string): Promise<string>;
  /**
   * One POST to the GraphQL endpoint, in this process: the engine parses the body, plans, fetches,
   * shapes and serialises the answer, as it does behind the socket (the benchmark's own cost).
   */
  handle(request: InProcessRequest): Promise<InProcessResponse>;
  stop(): Promise<void>;
}

export type GatewayEngineFactory = (options: GatewayEngineOptions) => Promise<GatewayEngineServer>;
