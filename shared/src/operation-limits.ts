import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { type DocumentNode, type FragmentDefinitionNode, GraphQLError, Kind, type ParseOptions, type SelectionSetNode, type ValidationContext, type ValidationRule } from "graphql";
import { readInt } from "./env.ts";
import { ErrorCode } from "./errors.ts";

/**
 * What one operation may ask of a service; anything over is refused whole, before it runs, with one
 * error whose `extensions.code` names the limit and whose message gives its value. README, "Limits
 * on every subgraph", lists the variables and why each default is what it is.
 */
export interface OperationLimits {
  /** GRAPHQL_MAX_TOKENS: lexical tokens in the query text; counted while parsing, so a flood stops early. */
  maxTokens: number;
  /** GRAPHQL_MAX_DEPTH: nested selections (an inline fragment counts as a level, introspection's `__schema` does not). */
  maxDepth: number;
  /** GRAPHQL_MAX_ALIASES: aliased fields, fragments included (`__typename` is free). */
  maxAliases: number;
  /** GRAPHQL_MAX_DIRECTIVES: directives written in the operation, fragments included. */
  maxDirectives: number;
  /** GRAPHQL_MAX_COST: graphql-armor's structural cost (object 2, scalar 1, ×1.5 per level). */
  maxCost: number;
  /** SUBGRAPH_MAX_REPRESENTATIONS: `_entities` representations in one operation, summed over its `_entities` fields. */
  maxRepresentations: number;
}

/**
 * Measured against every legitimate operation (gateway/examples, the dashboard's queries, the
 * gateway's `_entities` fetches, the national figures' query, the full-province query, GraphiQL's
 * introspection, `{ _service { sdl } }`): their largest are 214 tokens, depth 8, 3 aliases, no
 * directive and a cost of 709. Each default leaves several times that.
 */
export const defaultOperationLimits: OperationLimits = {
  maxTokens: 2000,
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 20,
  maxCost: 5000,
  maxRepresentations: 200,
};

export function loadOperationLimits(env: Record<string, string | undefined> = process.env): OperationLimits {
  const read = (name: string, fallback: number) => readInt(env, name, fallback, { min: 1 });
  return {
    maxTokens: read("GRAPHQL_MAX_TOKENS", defaultOperationLimits.maxTokens),
    maxDepth: read("GRAPHQL_MAX_DEPTH", defaultOperationLimits.maxDepth),
    maxAliases: read("GRAPHQL_MAX_ALIASES", defaultOperationLimits.maxAliases),
    maxDirectives: read("GRAPHQL_MAX_DIRECTIVES", defaultOperationLimits.maxDirectives),
    maxCost: read("GRAPHQL_MAX_COST", defaultOperationLimits.maxCost),
    maxRepresentations: read("SUBGRAPH_MAX_REPRESENTATIONS", defaultOperationLimits.maxRepresentations),
  };
}

/** An operation refused for a limit: HTTP 400, and the only error of the response. */
export class OperationLimitError extends GraphQLError {
  constructor(code: ErrorCode, message: string, limit: number) {
    super(message, { extensions: { code, limit, http: { status: 400 } } });
  }
}

// When one operation breaks several limits, the most specific one is reported: the cost of 10,000
// aliases or of 32 levels is a consequence, the aliases or the depth the cause.
const byPriority: readonly ErrorCode[] = [
  ErrorCode.MaxTokensExceeded,
  ErrorCode.MaxDepthExceeded,
  ErrorCode.MaxAliasesExceeded,
  ErrorCode.MaxDirectivesExceeded,
  ErrorCode.MaxCostExceeded,
  ErrorCode.MaxRepresentationsExceeded,
];

/** graphql-js's own message when `parse` stops at `maxTokens` (16.x writes "more that"). */
const TOKENS_ABORTED = /Document contains more th(?:an|at) \d+ tokens/;

function originalOf(error: GraphQLError): unknown {
  return error.originalError ?? error;
}

export interface OperationLimitsProtection {
  /** For Apollo's `parseOptions`: graphql-js stops parsing past the token limit. */
  parseOptions: ParseOptions;
  /** graphql-armor's depth, aliases, directives and cost rules, for Apollo's `validationRules`. */
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<BaseContext>[];
}

/**
 * graphql-armor's rules with our error codes, and a plugin that leaves one error in a refused
 * operation's response. Tokens are limited by graphql-js's `maxTokens` parse option rather than
 * armor's Apollo token plugin, which throws from a hook Apollo treats as a server failure (HTTP 500).
 */
export function protectOperationLimits(limits: OperationLimits): OperationLimitsProtection {
  const reportAs =
    (code: ErrorCode, limit: number) =>
    (context: ValidationContext | null, error: GraphQLError): void => {
      context?.reportError(new OperationLimitError(code, error.message.replace(/^Syntax Error: /, ""), limit));
    };
  // propagateOnRejection: false so that a rule reports to the validation context instead of
  // throwing out of `validate` (which Apollo answers with HTTP 500).
  const rule = (code: ErrorCode, limit: number) => ({ propagateOnRejection: false, onReject: [reportAs(code, limit)] });
  const armor = new ApolloArmor({
    maxTokens: { enabled: false },
    maxDepth: { n: limits.maxDepth, ...rule(ErrorCode.MaxDepthExceeded, limits.maxDepth) },
    maxAliases: { n: limits.maxAliases, ...rule(ErrorCode.MaxAliasesExceeded, limits.maxAliases) },
    maxDirectives: { n: limits.maxDirectives, ...rule(ErrorCode.MaxDirectivesExceeded, limits.maxDirectives) },
    costLimit: { maxCost: limits.maxCost, ...rule(ErrorCode.MaxCostExceeded, limits.maxCost) },
  }).protect();

  const oneErrorForALimit: ApolloServerPlugin<BaseContext> = {
    async requestDidStart() {
      return {
        async didEncounterErrors(requestContext) {
          // Apollo formats the very array it hands this hook, so narrowing it here is what the client gets.
          const errors = requestContext.errors as GraphQLError[];
          const refusals = errors.map(originalOf).filter((e): e is OperationLimitError => e instanceof OperationLimitError);
          const tokens = errors.length === 1 && errors[0]!.extensions.code === "GRAPHQL_PARSE_FAILED" ? TOKENS_ABORTED.exec(errors[0]!.message) : null;
          if (tokens) refusals.push(new OperationLimitError(ErrorCode.MaxTokensExceeded, `Token limit of ${limits.maxTokens} exceeded.`, limits.maxTokens));
          if (refusals.length === 0) return;
          refusals.sort((a, b) => byPriority.indexOf(a.extensions.code as ErrorCode) - byPriority.indexOf(b.extensions.code as ErrorCode));
          errors.splice(0, errors.length, refusals[0]!);
        },
        async didResolveOperation({ operation, document, request }) {
          if (!operation) return;
          const representations = countRepresentations(operation.selectionSet, { variables: request.variables ?? {}, fragments: fragmentsOf(document) });
          if (representations > limits.maxRepresentations) {
            throw new OperationLimitError(
              ErrorCode.MaxRepresentationsExceeded,
              `_entities accepts at most ${limits.maxRepresentations} representations in one operation, got ${representations}.`,
              limits.maxRepresentations,
            );
          }
        },
      };
    },
  };

  return {
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: armor.validationRules,
    // armor is CommonJS and typed against Apollo's CommonJS build: the same plugin objects, another declaration.
    plugins: [...(armor.plugins as unknown as ApolloServerPlugin<BaseContext>[]), oneErrorForALimit],
  };
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
}

interface Operands {
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
}

/** Representations asked of `_entities` at the root of an operation, given inline or in a variable. */
function countRepresentations(selectionSet: SelectionSetNode, operands: Operands, seen = new Set<string>()): number {
  const { variables, fragments } = operands;
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) count += countRepresentations(selection.selectionSet, operands, seen);
    if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) count += countRepresentations(fragment.selectionSet, operands, seen);
    }
    if (selection.kind !== Kind.FIELD || selection.name.value !== "_entities") continue;
    const value = selection.arguments?.find((a) => a.name.value === "representations")?.value;
    if (value?.kind === Kind.LIST) count += value.values.length;
    if (value?.kind === Kind.VARIABLE) {
      const list = variables[value.name.value];
      count += Array.isArray(list) ? list.length : 1;
    }
  }
  return count;
}
