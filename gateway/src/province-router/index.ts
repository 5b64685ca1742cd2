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
export { type GraphQLExchange, type GraphQLRequestBody, postGraphQL, type ProvinceTransport } from "./post-graphql.ts";
