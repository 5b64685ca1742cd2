import { hidePaths } from "@khcn/shared";
import { GraphQLError } from "graphql";

/**
 * Codes of an error nobody here wrote a message for: none, a crash, or a subgraph's own failure as
 * the engine relays it (DOWNSTREAM_SERVICE_ERROR, e.g. the national subgraph's). Their messages lose absolute paths.
 */
export const UNEXPECTED_CODES: readonly unknown[] = [undefined, "INTERNAL_SERVER_ERROR", "DOWNSTREAM_SERVICE_ERROR"];

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s'"`<>()]+/gi;

/** An unexpected error's message without absolute paths (shared's hidePaths) or URLs: where the services run is nobody's business. */
export function hideInternals(message: string): string {
  return hidePaths(message.replace(URL_IN_TEXT, "<url>"));
}

/**
 * Hive's `maskedErrors.maskError`, with the rule Apollo's engine follows (shared's createFormatError):
 * an error's message reaches the client as Apollo would pass it, never its stack trace, and an
 * unexpected error (no code of ours) never an absolute file path or a URL, unless `debug` (GRAPHQL_DEBUG),
 * which adds `extensions.stacktrace` as Apollo does.
 */
export function createMaskError(debug: boolean): (error: unknown) => Error {
  return (error) => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const graphqlError = error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : String(error));
    const code = graphqlError.extensions?.code;
    const unexpected = UNEXPECTED_CODES.includes(code);
    const stacktrace = debug && original instanceof Error && original.stack ? { stacktrace: original.stack.split("\n") } : {};
    // Yoga puts a parse failure's own message (a piece of the body) in extensions.originalError.
    const { originalError: _original, ...extensions } = graphqlError.extensions ?? {};
    if (!unexpected && !debug && !graphqlError.originalError && !_original) return graphqlError;
    return new GraphQLError(unexpected && !debug ? hideInternals(graphqlError.message) : graphqlError.message, {
      nodes: graphqlError.nodes,
      source: graphqlError.source,
      positions: graphqlError.positions,
      path: graphqlError.path,
      extensions: { ...(debug ? graphqlError.extensions : extensions), ...stacktrace },
    });
  };
}
