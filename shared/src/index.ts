export { buildFederatedSchema } from "./build-federated-schema.ts";
export { createError, ErrorCode } from "./errors.ts";
export { ConfigError, readBoolean, readInt, readOneOf, readOptionalString, readPath, readPort, readString, readUrl } from "./env.ts";
export { overlaps, type Period, periodOfDate, validityPeriod } from "./validity.ts";
export { endsBeforeStart, isPartialDate, PartialDateScalar, partialDateBounds, VndScalar } from "./scalars.ts";
export { createGraphQLHttpServer, type GraphQLHttpServer, type GraphQLHttpServerOptions } from "./create-graphql-http-server.ts";
export * from "./catalogue/index.ts";
export { defaultOperationLimits, loadOperationLimits, type OperationLimits, OperationLimitError, protectOperationLimits } from "./operation-limits.ts";
export { createFormatError, createJsonErrorHandler, hidePaths } from "./error-hygiene.ts";
