export {
  createProvinceRouter,
  DEFAULT_PROVINCE_TIMEOUT_MS,
  type EntitiesRequest,
  type ProvinceRouter,
  type ProvinceRouterLogger,
  type ProvinceRouterOptions,
  UNROUTABLE_OPERATION,
} from "./create-province-router.ts";
export type { ProvinceRoute, ProvinceRoutes } from "./province-route.ts";
export { DEFAULT_MAX_ANSWER_BYTES, type ExchangeLimits, type GraphQLExchange, type GraphQLRequestBody, postGraphQL, type ProvinceTransport } from "./post-graphql.ts";
export { buildContractSchema, compileAnswerValidator, type AnswerValidator } from "./compile-answer-validator.ts";
export { PASSED_PROVINCE_CODES, sanitizeProvinceError, sanitizeProvinceText } from "./sanitize-province-error.ts";
