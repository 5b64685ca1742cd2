import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import type { ExecutionResult, GraphQLFormattedError } from "graphql";
import { currentRequestId, REQUEST_ID_HEADER } from "../observability/request-context.ts";
import { createDirectoryUnavailableError, describeDirectoryFailure } from "./create-directory-unavailable-error.ts";

export interface DirectoryTimeoutOptions {
  /** How long the directory has to answer one fetch, in milliseconds. */
  timeoutMs: number;
  /** The directory's subgraph name in the supergraph. */
  subgraphName?: string;
}

/** Hive's HTTP executor reports a failed fetch as an error of the result carrying the request (and the URL in its message). */
function isTransportError(error: GraphQLFormattedError): boolean {
  return error.extensions?.code === "SUBREQUEST_HTTP_ERROR" || error.extensions?.request !== undefined;
}

/**
 * "directory" for Hive Gateway's runtime: each fetch gets `timeoutMs` (its signal is aborted, so a
 * hung directory's socket is let go), and a fetch that fails (timed out, refused, HTTP error) is
 * answered with one DIRECTORY_UNAVAILABLE error instead of the executor's, whose message names the
 * directory's address. The directory's own GraphQL errors pass as they are. Each fetch carries the
 * client's request id (`x-request-id`; the HTTP executor sends `extensions.headers`).
 */
export function useDirectoryTimeout({ timeoutMs, subgraphName = "directory" }: DirectoryTimeoutOptions): GatewayPlugin {
  return {
    onSubgraphExecute({ subgraphName: name, executor, setExecutor }) {
      if (name !== subgraphName) return;
      const timed = async (request: Parameters<typeof executor>[0]): Promise<ExecutionResult> => {
        const timeout = AbortSignal.timeout(timeoutMs);
        const timedOut = new Promise<never>((_, reject) => timeout.addEventListener("abort", () => reject(timeout.reason as Error), { once: true }));
        const requestId = currentRequestId();
        const extensions = requestId === undefined ? request.extensions : { ...request.extensions, headers: { ...(request.extensions?.headers as Record<string, string> | undefined), [REQUEST_ID_HEADER]: requestId } };
        try {
          const result = (await Promise.race([executor({ ...request, extensions, signal: request.signal ? AbortSignal.any([request.signal, timeout]) : timeout }), timedOut])) as ExecutionResult;
          const failure = result.errors?.find(isTransportError);
          if (!failure) return result;
          return { errors: [createDirectoryUnavailableError(describeDirectoryFailure(failure, timeoutMs))] };
        } catch (error) {
          return { errors: [createDirectoryUnavailableError(describeDirectoryFailure(error, timeoutMs))] };
        }
      };
      setExecutor(timed as typeof executor);
    },
  };
}
