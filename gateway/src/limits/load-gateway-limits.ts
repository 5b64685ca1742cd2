import { defaultOperationLimits, loadOperationLimits, type OperationLimits, readBoolean, readInt } from "@khcn/shared";

/** The subgraphs' limits, read from the same variables, plus how the gateway counts a fan-out. */
export interface GatewayOperationLimits extends OperationLimits {
  /**
   * GRAPHQL_COST_FAN_OUT: how many times a field that fans out to every province (`provinces`,
   * `nationalFigure`) counts in the cost: once per unit the directory lists (86 today).
   */
  costFanOut: number;
}

/**
 * The gateway's defaults where the supergraph needs others than a subgraph's:
 * - depth 11, one below a province's 12: the gateway sends a province a client's `provinces { … }`
 *   as `_entities(…) { … on Province { … } }`, one level deeper, so what passes here passes there;
 * - cost 100,000 with a fan-out of 86: a field under `provinces` or `nationalFigure` costs once per
 *   unit. The largest legitimate operation (GraphiQL's budget by funding source, three national
 *   figures) costs 49,629, the comparative query 9,863 (load-gateway-limits.test.ts measures every
 *   one); twelve comparative queries in one are over.
 * Tokens, aliases and directives are the subgraphs'.
 */
export const defaultGatewayLimits: GatewayOperationLimits = {
  ...defaultOperationLimits,
  maxDepth: 11,
  maxCost: 100_000,
  costFanOut: 86,
};

/**
 * GRAPHQL_MAX_TOKENS, GRAPHQL_MAX_DEPTH, GRAPHQL_MAX_ALIASES, GRAPHQL_MAX_DIRECTIVES and
 * GRAPHQL_MAX_COST as every subgraph reads them (loadOperationLimits), with the gateway's
 * defaults, and GRAPHQL_COST_FAN_OUT. A value that is not a whole number of at least 1 stops the
 * gateway at start with the variable's name.
 */
export function loadGatewayLimits(env: Record<string, string | undefined> = process.env): GatewayOperationLimits {
  const d = defaultGatewayLimits;
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value?.trim()));
  const limits = loadOperationLimits({
    GRAPHQL_MAX_TOKENS: String(d.maxTokens),
    GRAPHQL_MAX_DEPTH: String(d.maxDepth),
    GRAPHQL_MAX_ALIASES: String(d.maxAliases),
    GRAPHQL_MAX_DIRECTIVES: String(d.maxDirectives),
    GRAPHQL_MAX_COST: String(d.maxCost),
    SUBGRAPH_MAX_REPRESENTATIONS: String(d.maxRepresentations),
    ...given,
  });
  return { ...limits, costFanOut: readInt(env, "GRAPHQL_COST_FAN_OUT", d.costFanOut, { min: 1, max: 100_000 }) };
}

/** GRAPHQL_DEBUG: stack traces and file paths in error responses; off by default, whatever NODE_ENV says. */
export function loadGraphQLDebug(env: Record<string, string | undefined> = process.env): boolean {
  return readBoolean(env, "GRAPHQL_DEBUG", false);
}
