// The light parts, for every module (errors, settings, the catalogue); what serves GraphQL is in server.ts (@khcn/shared/server).
export { createError, ErrorCode } from "./errors.ts";
export { ConfigError, readBoolean, readInt, readOneOf, readOptionalString, readPath, readPort, readString, readUrl } from "./env.ts";
export { readRequestId, readValidRequestId, REQUEST_ID_HEADER } from "./request-id.ts";
export { overlaps, type Period, periodOfDate, validityPeriod } from "./validity.ts";
export { endsBeforeStart, isPartialDate, PartialDateScalar, partialDateBounds, VndScalar } from "./scalars.ts";
export * from "./catalogue/index.ts";
export { defaultOperationLimits, loadOperationLimits, type OperationLimits, OperationLimitError, protectOperationLimits } from "./operation-limits.ts";
export { createFormatError, createJsonErrorHandler, hidePaths } from "./error-hygiene.ts";
export { listenHttpServer } from "./listen-http-server.ts";
