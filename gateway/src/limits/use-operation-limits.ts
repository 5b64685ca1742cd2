import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { ErrorCode, OperationLimitError } from "@khcn/shared";
import { type DocumentNode, validate } from "graphql";
import { createOperationLimitRules, pickRefusal } from "./create-operation-limit-rules.ts";
import type { GatewayOperationLimits } from "./load-gateway-limits.ts";

/**
 * The operation limits in Hive Gateway's runtime: graphql-armor's token limit while parsing (the
 * parser stops at the limit, so a 1 MB flood costs milliseconds), then armor's depth, aliases,
 * directives and fan-out cost rules in a pass of their own before GraphQL's validation. An operation
 * over a limit never reaches the standard rules (some of them are quadratic in fragment spreads) or
 * the query planner: it is answered HTTP 400 with one error naming the limit and its value.
 */
export function useOperationLimits(limits: GatewayOperationLimits): GatewayPlugin {
  const tokens = maxTokensPlugin({
    n: limits.maxTokens,
    onReject: [
      () => {
        throw new OperationLimitError(ErrorCode.MaxTokensExceeded, `Token limit of ${limits.maxTokens} exceeded.`, limits.maxTokens);
      },
    ],
  });
  const rules = createOperationLimitRules(limits);
  // Yoga's parser cache hands out one document per query text: its verdict is counted once.
  const verdicts = new WeakMap<DocumentNode, OperationLimitError | null>();
  return {
    onParse: tokens.onParse as GatewayPlugin["onParse"],
    onValidate({ params, setResult }) {
      let refusal = verdicts.get(params.documentAST);
      if (refusal === undefined) verdicts.set(params.documentAST, (refusal = pickRefusal(validate(params.schema, params.documentAST, rules)) ?? null));
      if (refusal) setResult([refusal]);
    },
  };
}
