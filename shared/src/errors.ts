import { GraphQLError } from "graphql";

/** Error codes a client may see in `extensions.code`. */
export const ErrorCode = {
  WrongProvince: "WRONG_PROVINCE",
  ProvinceUnavailable: "PROVINCE_UNAVAILABLE",
  /** A province answered something the contract does not allow (a wrong type, a forged id, too many bytes): its entities are null. */
  ProvinceInvalidAnswer: "PROVINCE_INVALID_ANSWER",
  /** A province's own error, passed on sanitized, whose code is not one the router passes through. */
  ProvinceError: "PROVINCE_ERROR",
  BadUserInput: "BAD_USER_INPUT",
  /** The directory did not answer: no list of units, so no national figure. */
  DirectoryUnavailable: "DIRECTORY_UNAVAILABLE",
  /** The province's schema broke the contract (a breaking change): it is out of routing until a check finds it fixed. */
  ProvinceContractDrift: "PROVINCE_CONTRACT_DRIFT",
  /** The HTTP request itself is unreadable, e.g. a body that is not JSON. */
  BadRequest: "BAD_REQUEST",
  /** An operation over one of the operation limits (README, "Limits on every subgraph"); refused whole, before it runs. */
  MaxTokensExceeded: "MAX_TOKENS_EXCEEDED",
  MaxDepthExceeded: "MAX_DEPTH_EXCEEDED",
  MaxAliasesExceeded: "MAX_ALIASES_EXCEEDED",
  MaxDirectivesExceeded: "MAX_DIRECTIVES_EXCEEDED",
  MaxCostExceeded: "MAX_COST_EXCEEDED",
  /** More `_entities` representations in one operation than a subgraph accepts. */
  MaxRepresentationsExceeded: "MAX_REPRESENTATIONS_EXCEEDED",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function createError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}
