import { request } from "undici";
import type { GraphQLFormattedError } from "graphql";

export interface GraphQLRequestBody {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** A GraphQL exchange over HTTP: the JSON body of a 2xx answer, or why there is none. */
export type GraphQLExchange =
  | { ok: true; data: Record<string, unknown> | null; errors: readonly GraphQLFormattedError[] }
  | { ok: false; reason: string };

/** The first few error messages, for a reason that fits on one line. */
export function summarizeErrors(errors: readonly GraphQLFormattedError[] | undefined): string {
  if (!errors?.length) return "";
  const shown = errors.slice(0, 3).map((e) => e.message);
  return errors.length > shown.length ? `${shown.join("; ")}; and ${errors.length - shown.length} more` : shown.join("; ");
}

/**
 * How the router reaches a province: plain GraphQL over HTTP by default. Another transport (a
 * province served in the same process, a recorded answer for a benchmark) only has to give back
 * the same exchange.
 */
export type ProvinceTransport = (url: string, body: GraphQLRequestBody, timeoutMs: number) => Promise<GraphQLExchange>;

function describeFailure(error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `no answer within ${timeoutMs} ms`;
  const { message, cause } = error as { message?: string; cause?: { message?: string } };
  return `unreachable: ${cause?.message ?? message ?? String(error)}`;
}

/**
 * Posts plain GraphQL over HTTP with undici's request API and its pooled keep-alive connections
 * (in a CPU profile of the gateway, fetch's web-stream internals outweighed @apollo/gateway's own
 * work). The timeout covers the whole exchange, body included.
 */
export async function postGraphQL(url: string, body: GraphQLRequestBody, timeoutMs: number): Promise<GraphQLExchange> {
  const signal = AbortSignal.timeout(timeoutMs);
  let status: number;
  let text: string;
  try {
    const response = await request(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
      body: JSON.stringify(body),
      signal,
    });
    status = response.statusCode;
    text = await response.body.text();
  } catch (error) {
    return { ok: false, reason: describeFailure(error, signal.aborted, timeoutMs) };
  }
  let json: { data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[] } | undefined;
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    json = undefined;
  }
  if (status < 200 || status > 299) {
    const detail = summarizeErrors(json?.errors);
    return { ok: false, reason: `HTTP ${status}${detail ? `: ${detail}` : ""}` };
  }
  if (typeof json !== "object" || json === null) return { ok: false, reason: "the answer is not GraphQL JSON" };
  return { ok: true, data: json.data ?? null, errors: json.errors ?? [] };
}
