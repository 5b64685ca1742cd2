import type { ApolloServerOptions, BaseContext } from "@apollo/server";
import type { ErrorRequestHandler } from "express";
import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "./errors.ts";

type FormatError = NonNullable<ApolloServerOptions<BaseContext>["formatError"]>;

// An absolute file path (or file: URL) in an unexpected error's text, e.g. SQLite's or Node's
// "ENOENT: no such file or directory, open '/srv/khcn/…'": where the service runs is nobody's business.
const ABSOLUTE_PATH = /(^|[\s'"`(=])(?:file:\/\/)?(?:\/[^\s'"`():/]+){2,}\/?|(^|[\s'"`(=])[A-Za-z]:\\[^\s'"`()]+/g;

export function hidePaths(message: string): string {
  return message.replace(ABSOLUTE_PATH, (_match, before1: string | undefined, before2: string | undefined) => `${before1 ?? before2 ?? ""}<path>`);
}

/**
 * The last word on an error before a client sees it: without `debug` (GRAPHQL_DEBUG), no stack trace
 * and, in an unexpected error (no code of ours), no absolute path. A service's own formatError runs first.
 */
export function createFormatError(debug: boolean, inner?: FormatError): FormatError {
  return (formatted, error) => {
    const shaped: GraphQLFormattedError = inner ? inner(formatted, error) : formatted;
    if (debug) return shaped;
    const { stacktrace: _stacktrace, ...extensions } = shaped.extensions ?? {};
    const unexpected = extensions.code === undefined || extensions.code === "INTERNAL_SERVER_ERROR";
    return { ...shaped, message: unexpected ? hidePaths(shaped.message) : shaped.message, extensions };
  };
}

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  message?: string;
}

/**
 * Express's last error handler: a request express could not read (a body that is not JSON, too
 * large, in an unknown charset) is answered as GraphQL answers, `{"errors":[…]}` with BAD_REQUEST and
 * the HTTP status body-parser chose, instead of express's HTML page and a logged stack trace.
 */
export function createJsonErrorHandler(debug: boolean): ErrorRequestHandler {
  return (error: HttpError, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    const clientMistake = status >= 400 && status < 500;
    const message =
      error.type === "entity.parse.failed"
        ? "The request body is not valid JSON"
        : clientMistake && error.expose && error.message
          ? error.message
          : clientMistake
            ? "Bad request"
            : "Internal server error";
    if (!clientMistake) console.error(`request failed: ${debug ? String(error.message) : hidePaths(String(error.message))}`);
    res.status(clientMistake ? status : 500).json({ errors: [{ message, extensions: { code: clientMistake ? ErrorCode.BadRequest : "INTERNAL_SERVER_ERROR" } }] });
  };
}
