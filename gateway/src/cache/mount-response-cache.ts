import express, { type Express, type Request } from "express";
import type { CacheRequest, EngineAnswer, ResponseCache } from "./create-response-cache.ts";

// Hop-by-hop and framing headers describe the client's connection, not the request the engine executes.
const NOT_FORWARDED = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive", "expect"]);

function forwardedHeaders(req: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !NOT_FORWARDED.has(name)) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

export interface MountResponseCacheOptions {
  path: string;
  cache: ResponseCache;
  /** The engine, in process: the body as text and the headers, answered serialised. */
  execute: (request: CacheRequest) => Promise<EngineAnswer>;
  /** Larger bodies are refused with 413 (answered as JSON by the app's error handler, shared's createJsonErrorHandler). */
  maxBodyBytes: number;
}

/**
 * Puts the response cache in front of the engine for JSON POSTs to the GraphQL path (what
 * dashboards send); every other request reaches the engine's own handler untouched.
 */
export function mountResponseCache(app: Express, { path, cache, execute, maxBodyBytes }: MountResponseCacheOptions): void {
  app.post(path, express.text({ type: ["application/json", "application/graphql-response+json"], limit: maxBodyBytes }), async (req, res, next) => {
    if (typeof req.body !== "string") return next();
    try {
      const { status, headers, chunks } = await cache.answer({ body: req.body, headers: forwardedHeaders(req) }, execute);
      res.status(status);
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      for (const chunk of chunks.slice(0, -1)) res.write(chunk);
      res.end(chunks.at(-1));
    } catch (error) {
      next(error);
    }
  });
}
