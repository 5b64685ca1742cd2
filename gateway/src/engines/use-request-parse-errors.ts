import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { ErrorCode } from "@khcn/shared";
import { GraphQLError } from "graphql";

/** What every service here answers a body that is not JSON (shared's createJsonErrorHandler, Apollo's engine). */
export const NOT_JSON_MESSAGE = "The request body is not valid JSON";

function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BadRequest, http: { status: 400, spec: true } } });
}

/**
 * A request Yoga cannot read is answered as Apollo's engine and every subgraph answer it: HTTP 400,
 * BAD_REQUEST, and a message that neither echoes the body (Yoga adds JSON.parse's message, with a
 * piece of the body, in `extensions.originalError`) nor goes out as a bare 200 without a code (a GET
 * whose `variables` or `extensions` parameter is not JSON).
 */
export function useRequestParseErrors(): GatewayPlugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (error instanceof GraphQLError && error.extensions?.code === ErrorCode.BadRequest && /invalid JSON/i.test(error.message)) throw badRequest(NOT_JSON_MESSAGE);
          if (error instanceof SyntaxError) throw badRequest(`The request's ${request.method === "GET" ? "variables or extensions parameter" : "body"} is not valid JSON`);
          throw error;
        }
      });
    },
  };
}
