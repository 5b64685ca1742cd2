import { describe, expect, it } from "vitest";
import { loadGatewayConfig } from "./config.ts";

describe("the gateway's configuration", () => {
  it("defaults to the layout npm start runs", () => {
    expect(loadGatewayConfig({})).toEqual({
      port: 4000,
      directoryUrl: "http://127.0.0.1:4001/graphql",
      provinces: [
        { id: "lang-son", url: "http://127.0.0.1:4101/graphql" },
        { id: "long-an", url: "http://127.0.0.1:4102/graphql" },
        { id: "bac-giang", url: "http://127.0.0.1:4103/graphql" },
      ],
      provinceTimeoutMs: 3000,
      contractCheckIntervalMs: 60_000,
      directoryTimeoutMs: 3000,
      provinceBreakerFailures: 3,
      provinceBreakerCooldownMs: 5000,
      requestTimeoutMs: 15_000,
      engine: "hive",
      responseCache: { kind: "memory", maxAgeMs: 60_000, versionCheckMs: 5000, maxBytes: 64 * 1024 * 1024, redisUrl: "redis://127.0.0.1:6379", redisPrefix: "khcn:gateway:" },
      logLevel: "info",
      limits: { maxTokens: 2000, maxDepth: 11, maxAliases: 30, maxDirectives: 20, maxCost: 100_000, maxRepresentations: 200, costFanOut: 86 },
      debug: false,
    });
  });

  it("reads the operation limits by the subgraphs' names, and GRAPHQL_DEBUG, refusing nonsense", () => {
    const config = loadGatewayConfig({ GRAPHQL_MAX_DEPTH: "9", GRAPHQL_MAX_COST: "50000", GRAPHQL_COST_FAN_OUT: "34", GRAPHQL_MAX_ALIASES: " ", GRAPHQL_DEBUG: "true" });
    expect(config).toMatchObject({ limits: { maxDepth: 9, maxCost: 50_000, costFanOut: 34, maxAliases: 30 }, debug: true });
    expect(() => loadGatewayConfig({ GRAPHQL_MAX_COST: "lots" })).toThrow('GRAPHQL_MAX_COST must be a whole number, got "lots"');
    expect(() => loadGatewayConfig({ GRAPHQL_COST_FAN_OUT: "0" })).toThrow("GRAPHQL_COST_FAN_OUT must be between 1 and 100000, got 0");
    expect(() => loadGatewayConfig({ GRAPHQL_DEBUG: "maybe" })).toThrow("GRAPHQL_DEBUG must be true or false");
  });


  it("reads LOG_LEVEL as one of pino's levels, refusing any other", () => {
    expect(loadGatewayConfig({ LOG_LEVEL: "debug" }).logLevel).toBe("debug");
    expect(() => loadGatewayConfig({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL must be one of/);
  });

  it("reads the directory's timeout and the provinces' circuit breakers, refusing nonsense", () => {
    const config = loadGatewayConfig({ DIRECTORY_TIMEOUT_MS: "800", PROVINCE_BREAKER_FAILURES: "5", PROVINCE_BREAKER_COOLDOWN_MS: "10000" });
    expect(config).toMatchObject({ directoryTimeoutMs: 800, provinceBreakerFailures: 5, provinceBreakerCooldownMs: 10_000 });
    expect(() => loadGatewayConfig({ DIRECTORY_TIMEOUT_MS: "0" })).toThrow("DIRECTORY_TIMEOUT_MS must be between 1 and 600000, got 0");
    expect(() => loadGatewayConfig({ PROVINCE_BREAKER_FAILURES: "0" })).toThrow("PROVINCE_BREAKER_FAILURES must be between 1 and 1000, got 0");
  });

  it("runs Hive Gateway's runtime unless GATEWAY_ENGINE names @apollo/gateway or Hive's JavaScript planner, and refuses any other engine", () => {
    expect(loadGatewayConfig({ GATEWAY_ENGINE: "apollo" }).engine).toBe("apollo");
    expect(loadGatewayConfig({ GATEWAY_ENGINE: "hive-js" }).engine).toBe("hive-js");
    expect(() => loadGatewayConfig({ GATEWAY_ENGINE: "router" })).toThrow('GATEWAY_ENGINE must be one of apollo, hive, hive-js, got "router"');
  });

  it("reads the routing table as id=url pairs", () => {
    const config = loadGatewayConfig({ PROVINCE_SUBGRAPHS: " long-an=http://long-an:4100/graphql , lang-son=https://ls.example/graphql " });
    expect(config.provinces).toEqual([
      { id: "long-an", url: "http://long-an:4100/graphql" },
      { id: "lang-son", url: "https://ls.example/graphql" },
    ]);
  });

  it.each([
    ["long-an", 'PROVINCE_SUBGRAPHS must list provinces as id=url, got "long-an"'],
    ["Long An=http://x/graphql", 'PROVINCE_SUBGRAPHS: "Long An" is not a directory id like lang-son'],
    ["long-an=localhost:4102", 'PROVINCE_SUBGRAPHS: the URL of long-an must be http(s), got "localhost:4102"'],
    ["long-an=nope", 'PROVINCE_SUBGRAPHS: the URL of long-an is not a URL, got "nope"'],
    ["long-an=http://a/graphql,long-an=http://b/graphql", "PROVINCE_SUBGRAPHS lists long-an twice"],
  ])("rejects PROVINCE_SUBGRAPHS=%s, saying why", (value, message) => {
    expect(() => loadGatewayConfig({ PROVINCE_SUBGRAPHS: value })).toThrow(message);
  });

  it("fails fast, naming the variable, on a timeout that is not a number", () => {
    expect(() => loadGatewayConfig({ PROVINCE_TIMEOUT_MS: "3s" })).toThrow('PROVINCE_TIMEOUT_MS must be a whole number, got "3s"');
    expect(() => loadGatewayConfig({ PROVINCE_TIMEOUT_MS: "0" })).toThrow("PROVINCE_TIMEOUT_MS must be between 1 and 600000, got 0");
  });
});
