import { request } from "undici";
import type { GraphQLFormattedError } from "graphql";
import { sanitizeProvinceText } from "./sanitize-province-error.ts";

export interface GraphQLRequestBody {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/**
 * A GraphQL exchange over HTTP: the JSON body of a 2xx answer, or why there is none. `invalid`
 * marks an answer that came but breaks the rules (too large, not GraphQL JSON), as opposed to a
 * server that could not be reached or refused.
 */
export type GraphQLExchange =
  | { ok: true; data: Record<string, unknown> | null; errors: readonly GraphQLFormattedError[] }
  | { ok: false; reason: string; invalid?: true };

/** How many bytes of an answer are read before it is refused: 16 MiB. */
export const DEFAULT_MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** Limits of one exchange, besides its timeout, and the request it serves. */
export interface ExchangeLimits {
  /** Bytes of the answer's body read at most; a longer answer is aborted while it arrives (DEFAULT_MAX_ANSWER_BYTES by default). */
  maxAnswerBytes?: number;
  /** The id of the client's request this exchange serves, sent as `x-request-id` (the province logs it). */
  requestId?: string;
  /** The client's request: aborted when nobody waits for the answer any more (gone, or past its deadline). */
  signal?: AbortSignal;
}

/** The first few error messages, for a reason that fits on one line; sanitized, since a province wrote them. */
export function summarizeErrors(errors: readonly GraphQLFormattedError[] | undefined): string {
  if (!Array.isArray(errors) || errors.length === 0) return "";
  const shown = errors.slice(0, 3).map((e) => sanitizeProvinceText((e as { message?: unknown } | null)?.message, 200));
  return errors.length > shown.length ? `${shown.join("; ")}; and ${errors.length - shown.length} more` : shown.join("; ");
}

/**
 * How the router reaches a province: plain GraphQL over HTTP by default. Another transport (a
 * province served in the same process, a recorded answer for a benchmark) only has to give back
 * the same exchange.
 */
export type ProvinceTransport = (url: string, body: GraphQLRequestBody, timeoutMs: number, limits?: ExchangeLimits) => Promise<GraphQLExchange>;

class AnswerTooLarge extends Error {}

function describeFailure(error: unknown, timedOut: boolean, timeoutMs: number, cancelled?: AbortSignal): string {
  if (timedOut) return `no answer within ${timeoutMs} ms`;
  if (cancelled?.aborted) return `cancelled: ${(cancelled.reason as Error | undefined)?.message ?? "the request ended"}`;
  const { message, cause } = error as { message?: string; cause?: { message?: string } };
  return `unreachable: ${cause?.message ?? message ?? String(error)}`;
}

/**
 * Posts plain GraphQL over HTTP with undici's request API and its pooled keep-alive connections
 * (in a CPU profile of the gateway, fetch's web-stream internals outweighed @apollo/gateway's own
 * work). The timeout covers the whole exchange, body included. The body is read chunk by chunk
 * and the exchange aborted as soon as it passes `maxAnswerBytes` (or its content-length says it
 * will), so a huge answer is never held in memory.
 */
export async function postGraphQL(url: string, body: GraphQLRequestBody, timeoutMs: number, { maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES, requestId, signal: cancelled }: ExchangeLimits = {}): Promise<GraphQLExchange> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = cancelled ? AbortSignal.any([timeout, cancelled]) : timeout;
  const tooLarge = () => new AnswerTooLarge(`the answer is larger than ${maxAnswerBytes} bytes`);
  let status: number;
  let text: string;
  try {
    const response = await request(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...(requestId ? { "x-request-id": requestId } : {}) },
      body: JSON.stringify(body),
      signal,
    });
    status = response.statusCode;
    const declared = Number(response.headers["content-length"]);
    if (declared > maxAnswerBytes) {
      response.body.destroy();
      throw tooLarge();
    }
    const chunks: Buffer[] = [];
    let received = 0;
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      received += chunk.length;
      if (received > maxAnswerBytes) {
        response.body.destroy();
        throw tooLarge();
      }
      chunks.push(chunk);
    }
    text = Buffer.concat(chunks, received).toString("utf8");
  } catch (error) {
    if (error instanceof AnswerTooLarge) return { ok: false, reason: error.message, invalid: true };
    return { ok: false, reason: describeFailure(error, timeout.aborted, timeoutMs, cancelled) };
  }
  let json: { data?: unknown; errors?: unknown } | undefined;
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    json = undefined;
  }
  if (status < 200 || status > 299) {
    const detail = summarizeErrors(json?.errors as GraphQLFormattedError[] | undefined);
    return { ok: false, reason: `HTTP ${status}${detail ? `: ${detail}` : ""}` };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return { ok: false, reason: "the answer is not GraphQL JSON", invalid: true };
  const { data = null, errors = [] } = json;
  if (typeof data !== "object" || Array.isArray(data)) return { ok: false, reason: "the answer's data is not an object", invalid: true };
  if (!Array.isArray(errors)) return { ok: false, reason: "the answer's errors are not a list", invalid: true };
  return { ok: true, data: data as Record<string, unknown> | null, errors: errors as GraphQLFormattedError[] };
}
