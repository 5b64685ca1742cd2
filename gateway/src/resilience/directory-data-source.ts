import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import { currentRequestId, REQUEST_ID_HEADER } from "../observability/request-context.ts";
import { createDirectoryUnavailableError, describeDirectoryFailure } from "./create-directory-unavailable-error.ts";

export interface DirectoryDataSourceOptions {
  /** The directory subgraph's GraphQL endpoint. */
  url: string;
  /** How long the directory has to answer one fetch, body included, in milliseconds. */
  timeoutMs: number;
}

/**
 * "directory" for @apollo/gateway: its RemoteGraphQLDataSource over Node's fetch with a timeout
 * (the default fetcher has none: a hung directory held every query), and one DIRECTORY_UNAVAILABLE
 * error instead of the fetch's own, whose message and `extensions.response` name the URL. Each
 * fetch carries the client's request id (`x-request-id`).
 */
export class DirectoryDataSource extends RemoteGraphQLDataSource {
  private readonly timeoutMs: number;

  constructor({ url, timeoutMs }: DirectoryDataSourceOptions) {
    super({
      url,
      fetcher: ((input: string, init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as never,
    });
    this.timeoutMs = timeoutMs;
  }

  override willSendRequest({ request }: GraphQLDataSourceProcessOptions): void {
    const requestId = currentRequestId();
    if (requestId !== undefined) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
  }

  override didEncounterError(error: Error): void {
    throw createDirectoryUnavailableError(describeDirectoryFailure(error, this.timeoutMs));
  }
}
