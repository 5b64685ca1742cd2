import { ConfigError, readInt, readOneOf, readOptionalString, readPort, readString, readUrl } from "@khcn/shared";
import { GATEWAY_ENGINES, type GatewayEngineName } from "./engines/gateway-engine.ts";
import { LOG_LEVELS, type LogLevel } from "./observability/create-gateway-logger.ts";
import { type GatewayOperationLimits, loadGatewayLimits, loadGraphQLDebug } from "./limits/load-gateway-limits.ts";

/** One row of the routing table as configured: a province's directory id and its subgraph's URL. */
export interface ProvinceSubgraph {
  /** The directory's stable id, e.g. `long-an`. */
  id: string;
  /** The province subgraph's GraphQL endpoint. */
  url: string;
}

export interface GatewayConfig {
  port: number;
  /** The directory subgraph's GraphQL endpoint. */
  directoryUrl: string;
  /** Where each province's subgraph answers; display names come from the directory. */
  provinces: ProvinceSubgraph[];
  /** How long each province has to answer a request or a contract check, in milliseconds. */
  provinceTimeoutMs: number;
  /** How often the contract check and the directory's names are refreshed; 0: only at start. */
  contractCheckIntervalMs: number;
  /** How long the directory has to answer any call (the engine's, the national figures', the status monitor's), in milliseconds; 3000 by default. */
  directoryTimeoutMs?: number;
  /** Failed requests in a row (no answer, timeout, HTTP 5xx) that open a province's circuit; 3 by default. */
  provinceBreakerFailures?: number;
  /** How long an open circuit answers PROVINCE_UNAVAILABLE at once before a request probes the province, in milliseconds; 5000 by default. */
  provinceBreakerCooldownMs?: number;
  /** A GraphQL request's deadline, in milliseconds: past it, the province calls still running for it are cancelled (and a client that leaves cancels its own). 15000 by default. */
  requestTimeoutMs?: number;
  /** What executes the supergraph: `hive` (Hive Gateway's runtime, Rust planner; the default), `apollo` (@apollo/gateway) or `hive-js` (Hive's JavaScript planner). */
  engine?: GatewayEngineName;
  /** Where repeated queries are answered from; in memory by default. */
  responseCache?: ResponseCacheConfig;
  /** The lowest level of the JSON log lines main.ts writes (`error`, `warn`, `info`, `debug`, `trace`); `info` by default. */
  logLevel?: LogLevel;
  /** What one operation may ask (GRAPHQL_MAX_*, GRAPHQL_COST_FAN_OUT); loadGatewayLimits()'s defaults when absent. */
  limits?: GatewayOperationLimits;
  /** GRAPHQL_DEBUG: stack traces and file paths in error responses; off when absent. */
  debug?: boolean;
}

/** Longer than a province's and the directory's timeouts together, so it cuts only what they would not. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export const RESPONSE_CACHE_KINDS = ["memory", "redis", "off"] as const;

/** The response cache (gateway/src/cache/): answers kept while every province's data version is unchanged. */
export interface ResponseCacheConfig {
  /** `memory`: this process; `redis`: shared by every replica on one Redis; `off`. */
  kind: (typeof RESPONSE_CACHE_KINDS)[number];
  /** No answer is served whose figures were asked longer ago than this. */
  maxAgeMs: number;
  /** How often every province is asked for its data version; shorter than maxAgeMs. */
  versionCheckMs: number;
  /** The memory store's size. */
  maxBytes: number;
  redisUrl: string;
  /** Prefixed to every Redis key. */
  redisPrefix: string;
}

export const DEFAULT_RESPONSE_CACHE: ResponseCacheConfig = {
  kind: "memory",
  maxAgeMs: 60_000,
  versionCheckMs: 5_000,
  maxBytes: 64 * 1024 * 1024,
  redisUrl: "redis://127.0.0.1:6379",
  redisPrefix: "khcn:gateway:",
};

/**
 * RESPONSE_CACHE (`memory`, `redis` or `off`), RESPONSE_CACHE_MAX_AGE_MS (60000),
 * DATA_VERSION_CHECK_MS (5000; below the max age), RESPONSE_CACHE_MAX_MB (64, memory),
 * RESPONSE_CACHE_REDIS_URL (redis://127.0.0.1:6379), RESPONSE_CACHE_REDIS_PREFIX (khcn:gateway:).
 */
export function loadResponseCacheConfig(env: Record<string, string | undefined>): ResponseCacheConfig {
  const d = DEFAULT_RESPONSE_CACHE;
  const config: ResponseCacheConfig = {
    kind: readOneOf(env, "RESPONSE_CACHE", RESPONSE_CACHE_KINDS, d.kind),
    maxAgeMs: readInt(env, "RESPONSE_CACHE_MAX_AGE_MS", d.maxAgeMs, { min: 1000, max: 86_400_000 }),
    versionCheckMs: readInt(env, "DATA_VERSION_CHECK_MS", d.versionCheckMs, { min: 100, max: 86_400_000 }),
    maxBytes: readInt(env, "RESPONSE_CACHE_MAX_MB", d.maxBytes / 1024 / 1024, { min: 1, max: 65_536 }) * 1024 * 1024,
    redisUrl: readUrl(env, "RESPONSE_CACHE_REDIS_URL", d.redisUrl),
    redisPrefix: readString(env, "RESPONSE_CACHE_REDIS_PREFIX", d.redisPrefix),
  };
  // A version learned less often than the bound would leave the bound alone to catch a change.
  if (config.versionCheckMs >= config.maxAgeMs) {
    throw new ConfigError(`DATA_VERSION_CHECK_MS (${config.versionCheckMs}) must be shorter than RESPONSE_CACHE_MAX_AGE_MS (${config.maxAgeMs})`);
  }
  return config;
}

/** The layout `npm start` runs: three provinces on 4101–4103. */
export const DEFAULT_PROVINCE_SUBGRAPHS = "lang-son=http://127.0.0.1:4101/graphql,long-an=http://127.0.0.1:4102/graphql,bac-giang=http://127.0.0.1:4103/graphql";

export const DEFAULT_DIRECTORY_TIMEOUT_MS = 3000;
export const DEFAULT_PROVINCE_BREAKER_FAILURES = 3;
export const DEFAULT_PROVINCE_BREAKER_COOLDOWN_MS = 5000;

const PROVINCE_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Reads `id=url` pairs separated by commas (or newlines), e.g.
 * `lang-son=http://lang-son:4100/graphql,long-an=http://long-an:4100/graphql`.
 */
export function parseProvinceSubgraphs(value: string, name = "PROVINCE_SUBGRAPHS"): ProvinceSubgraph[] {
  const entries = value.split(/[,\n]/).map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) throw new ConfigError(`${name} must list at least one province as id=url`);
  const seen = new Set<string>();
  return entries.map((entry) => {
    const separator = entry.indexOf("=");
    if (separator < 0) throw new ConfigError(`${name} must list provinces as id=url, got "${entry}"`);
    const id = entry.slice(0, separator).trim();
    const url = entry.slice(separator + 1).trim();
    if (!PROVINCE_ID.test(id)) throw new ConfigError(`${name}: "${id}" is not a directory id like lang-son`);
    if (seen.has(id)) throw new ConfigError(`${name} lists ${id} twice`);
    seen.add(id);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError(`${name}: the URL of ${id} is not a URL, got "${url}"`);
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new ConfigError(`${name}: the URL of ${id} must be http(s), got "${url}"`);
    return { id, url };
  });
}

/**
 * PORT (4000), DIRECTORY_URL (http://127.0.0.1:4001/graphql), PROVINCE_SUBGRAPHS (the routing
 * table as `id=url,…`; default: lang-son, long-an, bac-giang on 127.0.0.1:4101–4103),
 * PROVINCE_TIMEOUT_MS (3000), CONTRACT_CHECK_INTERVAL_MS (60000; 0: only at start),
 * DIRECTORY_TIMEOUT_MS (3000), PROVINCE_BREAKER_FAILURES (3), PROVINCE_BREAKER_COOLDOWN_MS (5000),
 * REQUEST_TIMEOUT_MS (15000),
 * GATEWAY_ENGINE (`hive`: Hive Gateway's runtime with its Rust planner; `apollo` or `hive-js`, kept for comparison),
 * LOG_LEVEL (`info`; `error`, `warn`, `debug` or `trace`: the levels Hive's runtime, which reads it too, accepts),
 * the response cache's settings (loadResponseCacheConfig), the operation limits (loadGatewayLimits:
 * GRAPHQL_MAX_TOKENS, _DEPTH, _ALIASES, _DIRECTIVES, _COST, GRAPHQL_COST_FAN_OUT) and GRAPHQL_DEBUG.
 */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  return {
    port: readPort(env, "PORT", 4000),
    directoryUrl: readUrl(env, "DIRECTORY_URL", "http://127.0.0.1:4001/graphql"),
    provinces: parseProvinceSubgraphs(readOptionalString(env, "PROVINCE_SUBGRAPHS") ?? DEFAULT_PROVINCE_SUBGRAPHS),
    provinceTimeoutMs: readInt(env, "PROVINCE_TIMEOUT_MS", 3000, { min: 1, max: 600_000 }),
    contractCheckIntervalMs: readInt(env, "CONTRACT_CHECK_INTERVAL_MS", 60_000, { min: 0, max: 86_400_000 }),
    directoryTimeoutMs: readInt(env, "DIRECTORY_TIMEOUT_MS", DEFAULT_DIRECTORY_TIMEOUT_MS, { min: 1, max: 600_000 }),
    provinceBreakerFailures: readInt(env, "PROVINCE_BREAKER_FAILURES", DEFAULT_PROVINCE_BREAKER_FAILURES, { min: 1, max: 1000 }),
    provinceBreakerCooldownMs: readInt(env, "PROVINCE_BREAKER_COOLDOWN_MS", DEFAULT_PROVINCE_BREAKER_COOLDOWN_MS, { min: 1, max: 3_600_000 }),
    requestTimeoutMs: readInt(env, "REQUEST_TIMEOUT_MS", DEFAULT_REQUEST_TIMEOUT_MS, { min: 1, max: 600_000 }),
    engine: readOneOf(env, "GATEWAY_ENGINE", GATEWAY_ENGINES, "hive"),
    responseCache: loadResponseCacheConfig(env),
    logLevel: readOneOf(env, "LOG_LEVEL", LOG_LEVELS, "info"),
    limits: loadGatewayLimits(env),
    debug: loadGraphQLDebug(env),
  };
}
