import { setMaxListeners } from "node:events";
import type { Express, NextFunction, Request, Response } from "express";
import type { GatewayLogger } from "./create-gateway-logger.ts";
import type { GatewayMetrics } from "./create-gateway-metrics.ts";
import { readErrorCodes } from "./read-error-codes.ts";
import { readRequestId, REQUEST_ID_HEADER, runWithRequestId } from "./request-context.ts";

export interface ObservabilityRoutesOptions {
  /** The GraphQL path: each request to it gets an id, is counted and logged. */
  path: string;
  metrics: GatewayMetrics;
  logger: GatewayLogger;
  /** Where Prometheus scrapes; /metrics by default. */
  metricsPath?: string;
  /** A request's deadline: past it, the province calls still running for it are cancelled (none when absent). */
  requestTimeoutMs?: number;
}

const JSON_ANSWER = /^application\/(graphql-response\+)?json/;

/** Bytes of an answer kept at most to read its errors; a larger one is counted without its error codes. */
const MAX_RECORDED_BYTES = 32 * 1024 * 1024;

const isJsonAnswer = (res: Response) => JSON_ANSWER.test(String(res.getHeader("content-type") ?? ""));

/**
 * Keeps what the handlers write, to read the answer's error codes when it is sent (the chunks are
 * the ones sent, not copies); nothing of a stream that is not JSON (server-sent events) or past
 * MAX_RECORDED_BYTES.
 */
function recordBody(res: Response): () => Buffer | undefined {
  let chunks: Buffer[] | undefined = [];
  let bytes = 0;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (!chunks || chunk === undefined || chunk === null || typeof chunk === "function") return;
    if (!isJsonAnswer(res) || bytes > MAX_RECORDED_BYTES) {
      chunks = undefined;
      return;
    }
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    bytes += chunks.at(-1)?.length ?? 0;
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.write = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    return write(...args);
  }) as Response["write"];
  res.end = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    return end(...args);
  }) as Response["end"];
  return () => (chunks === undefined ? undefined : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
}

/**
 * GET /metrics (Prometheus' text format, from the gateway's own registry; mounted before the
 * response cache, so never cached), and in front of every request to the GraphQL path: its id (the
 * client's valid `x-request-id`, else a new one) answered in `x-request-id` and carried by
 * everything done for it (request-context.ts); when it is answered, its count by status, its
 * errors by code, and one log line.
 */
export function mountObservability(app: Express, { path, metrics, logger, metricsPath = "/metrics", requestTimeoutMs }: ObservabilityRoutesOptions): void {
  app.get(metricsPath, (_req, res, next) => {
    metrics.registry.metrics().then((text) => {
      res.setHeader("content-type", metrics.registry.contentType);
      res.setHeader("cache-control", "no-store");
      res.end(text);
    }, next);
  });
  app.use(path, (req: Request, res: Response, next: NextFunction) => {
    const requestId = readRequestId(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = performance.now();
    const body = recordBody(res);
    res.once("finish", () => {
      if (!isJsonAnswer(res)) return; // GraphiQL's page for a browser, not an answer
      const answer = body();
      const codes = answer ? readErrorCodes(answer) : [];
      metrics.countRequest(res.statusCode);
      metrics.countErrors(codes);
      const fields = { requestId, method: req.method, path: req.originalUrl.split("?")[0], status: res.statusCode, ms: Math.round(performance.now() - started), ...(codes.length > 0 ? { errors: codes } : {}) };
      logger.info("graphql request answered", fields);
    });
    // Province calls made for this request stop when nobody waits for its answer any more.
    const cancel = new AbortController();
    // One listener per province call of the request (63 and more): not a leak.
    setMaxListeners(0, cancel.signal);
    const deadline = requestTimeoutMs ? setTimeout(() => cancel.abort(new Error(`the request's deadline of ${requestTimeoutMs} ms passed`)), requestTimeoutMs) : undefined;
    deadline?.unref();
    res.once("close", () => {
      clearTimeout(deadline);
      if (!res.writableFinished) cancel.abort(new Error("the client went away"));
    });
    runWithRequestId(requestId, next, cancel.signal);
  });
}
