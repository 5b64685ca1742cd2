import { createHash } from "node:crypto";
import type { VersionSnapshot } from "./data-version-tracker.ts";
import type { ResponseStore, StoredResponse } from "./response-store.ts";

/**
 * Set by the engine on an answer it may be served again: `whole`, or `without=<ids>` when the
 * only errors are PROVINCE_UNAVAILABLE for those provinces. Never sent to a client.
 */
export const CACHEABLE_HEADER = "x-khcn-cacheable";

/** A GraphQL POST as the cache sees it. */
export interface CacheRequest {
  /** The body, as sent: the key is its hash, so no parse is needed to find an answer. */
  body: string;
  headers: Record<string, string>;
}

/** The engine's answer, serialised. */
export interface EngineAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What goes back to the client: the chunks are written in order. */
export interface CacheReply {
  status: number;
  headers: Record<string, string>;
  chunks: (Buffer | string)[];
}

export interface ResponseCacheOptions {
  store: ResponseStore;
  versions: { snapshot(): VersionSnapshot | undefined; failedSince(since: number): string[] };
  /** No answer is served older than this (its figures were asked at most this long ago). */
  maxAgeMs: number;
  now?: () => number;
  /** Told what became of each request: `hit` (answered from the store), `miss` (executed), `bypass` (executed, no key: a data version unknown). */
  onOutcome?: (outcome: "hit" | "miss" | "bypass") => void;
}

export interface ResponseCache {
  answer(request: CacheRequest, execute: (request: CacheRequest) => Promise<EngineAnswer>): Promise<CacheReply>;
}

/** Which provinces an answer may lack, from the engine's mark; undefined: not to be kept. */
function readMark(mark: string | undefined): string[] | undefined {
  if (mark === "whole") return [];
  if (mark?.startsWith("without=")) return mark.slice("without=".length).split(",");
  return undefined;
}

function freshness(asOf: number, now: number, fromCache: boolean, maxAgeMs: number): string {
  const ageSeconds = Math.max(0, Math.floor((now - asOf) / 1000));
  return `,"extensions":{"freshness":${JSON.stringify({ asOf: new Date(asOf).toISOString(), ageSeconds, fromCache, maxAgeSeconds: Math.floor(maxAgeMs / 1000) })}}}`;
}

function reply(entry: StoredResponse, now: number, fromCache: boolean, maxAgeMs: number): CacheReply {
  const headers: Record<string, string> = { "content-type": entry.contentType };
  if (fromCache) headers.age = String(Math.max(0, Math.floor((now - entry.asOf) / 1000)));
  return { status: entry.status, headers, chunks: [entry.head, freshness(entry.asOf, now, fromCache, maxAgeMs)] };
}

/**
 * Whole answers, kept as the bytes that were sent and keyed by the request's body, its Accept
 * header and the data versions of every province: a dashboard asking the same question twice gets
 * the first answer back without a province being asked, until a province's version moves or the
 * answer is `maxAgeMs` old. Every answer the cache considered says how old its figures are
 * (`extensions.freshness`); answers with other errors than an unavailable province, mutations and
 * requests arriving while a version is unknown go to the engine and are not kept.
 */
export function createResponseCache({ store, versions, maxAgeMs, now = Date.now, onOutcome }: ResponseCacheOptions): ResponseCache {
  return {
    async answer(request, execute) {
      const snapshot = versions.snapshot();
      const key = snapshot && `${createHash("sha256").update(request.headers.accept ?? "").update("\n").update(request.body).digest("hex")}:${snapshot.digest}`;
      if (key) {
        const hit = await store.get(key);
        const at = now();
        if (hit && at - hit.asOf <= maxAgeMs) {
          onOutcome?.("hit");
          return reply(hit, at, true, maxAgeMs);
        }
      }
      onOutcome?.(key ? "miss" : "bypass");

      const asOf = now();
      const answer = await execute(request);
      const { [CACHEABLE_HEADER]: mark, ...headers } = answer.headers;
      const without = readMark(mark);
      const text = without ? answer.body.trimEnd() : "";
      if (!without || !text.endsWith("}")) return { status: answer.status, headers, chunks: [answer.body] };

      const entry: StoredResponse = { asOf, status: answer.status, contentType: headers["content-type"] ?? "application/json", head: Buffer.from(text.slice(0, -1)) };
      // Kept only when every province that failed meanwhile (this answer lacks it, or says so in its
      // data, as a national figure does) was already known to be down when it was asked for: its
      // key then says so, and stops matching when the province is back.
      const failed = [...without, ...versions.failedSince(asOf)];
      if (key && failed.every((id) => snapshot.down.has(id))) void store.set(key, entry, maxAgeMs - (now() - asOf));
      return reply(entry, now(), false, maxAgeMs);
    },
  };
}
