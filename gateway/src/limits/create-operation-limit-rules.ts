import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { ErrorCode, OperationLimitError } from "@khcn/shared";
import type { GraphQLError, ValidationContext, ValidationRule } from "graphql";
import { createFanOutCostRule } from "./fan-out-cost-rule.ts";
import type { GatewayOperationLimits } from "./load-gateway-limits.ts";

type Reject = (context: ValidationContext | null, error: GraphQLError) => void;

/** armor's message without the "Syntax Error: " it puts before every refusal. */
export function limitMessage(error: GraphQLError): string {
  return error.message.replace(/^Syntax Error: /, "");
}

/**
 * A rule's refusal reported to the validation context as the subgraphs report it (OperationLimitError:
 * the code, the limit, HTTP 400), instead of thrown out of `validate`.
 */
function reportAs(code: ErrorCode, limit: number) {
  const onReject: Reject[] = [(context, error) => context?.reportError(new OperationLimitError(code, limitMessage(error), limit))];
  return { propagateOnRejection: false, onReject };
}

export interface OperationLimitRuleOptions {
  /** Leave the cost out (the Apollo engine's shared limits then count depth, aliases and directives). */
  cost?: boolean;
  /** Leave depth, aliases and directives out. */
  structure?: boolean;
}

/** graphql-armor's depth, aliases and directives rules, and its cost over the fan-out, with the subgraphs' error codes. */
export function createOperationLimitRules(limits: GatewayOperationLimits, { cost = true, structure = true }: OperationLimitRuleOptions = {}): ValidationRule[] {
  return [
    ...(structure
      ? [
          maxDepthRule({ n: limits.maxDepth, ...reportAs(ErrorCode.MaxDepthExceeded, limits.maxDepth) }),
          maxAliasesRule({ n: limits.maxAliases, ...reportAs(ErrorCode.MaxAliasesExceeded, limits.maxAliases) }),
          maxDirectivesRule({ n: limits.maxDirectives, ...reportAs(ErrorCode.MaxDirectivesExceeded, limits.maxDirectives) }),
        ]
      : []),
    ...(cost ? [createFanOutCostRule({ fanOut: limits.costFanOut, maxCost: limits.maxCost, ...reportAs(ErrorCode.MaxCostExceeded, limits.maxCost) })] : []),
  ] as ValidationRule[];
}

// When one operation breaks several limits, the cause is named: the cost of 30 levels or of 1,000
// aliases is a consequence, the depth or the aliases the cause (as on every subgraph).
const byPriority: readonly string[] = [ErrorCode.MaxTokensExceeded, ErrorCode.MaxDepthExceeded, ErrorCode.MaxAliasesExceeded, ErrorCode.MaxDirectivesExceeded, ErrorCode.MaxCostExceeded];

/** The one refusal to answer among an operation's validation errors; undefined when no limit was broken. */
export function pickRefusal(errors: readonly GraphQLError[]): OperationLimitError | undefined {
  const refusals = errors.filter((e): e is OperationLimitError => e instanceof OperationLimitError);
  return refusals.sort((a, b) => byPriority.indexOf(a.extensions.code as string) - byPriority.indexOf(b.extensions.code as string))[0];
}
