import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { ErrorCode } from "@khcn/shared";
import { getOperationAST } from "graphql";
import { CACHEABLE_HEADER } from "./create-response-cache.ts";

interface ResultLike {
  data?: unknown;
  errors?: readonly { extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/**
 * Whether an answer may be served again (see CACHEABLE_HEADER): it has data, no extensions (the
 * cache adds its own), and no error but a province being unavailable.
 */
export function cacheableMark(result: ResultLike): string | undefined {
  if (!result.data) return undefined;
  if (result.extensions && Object.keys(result.extensions).length > 0) return undefined;
  const without = new Set<string>();
  for (const error of result.errors ?? []) {
    const province = (error.extensions?.province as { id?: unknown } | undefined)?.id;
    if (error.extensions?.code !== ErrorCode.ProvinceUnavailable || typeof province !== "string") return undefined;
    without.add(province);
  }
  return without.size > 0 ? `without=${[...without].join(",")}` : "whole";
}

/** Hive Gateway's runtime: marks the HTTP answer of a query whose result may be kept. */
export function useCacheableMark(): GatewayPlugin {
  const marks = new WeakMap<Request, string>();
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== "query") return;
      const request = (args.contextValue as { request?: Request }).request;
      if (!request) return;
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          const mark = cacheableMark(result as ResultLike);
          if (mark) marks.set(request, mark);
        },
      };
    },
    onResponse({ request, response }) {
      const mark = marks.get(request);
      if (mark) response.headers.set(CACHEABLE_HEADER, mark);
    },
  };
}

/** Apollo Server: the same mark. */
export function apolloCacheableMark(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operation }) {
          if (operation?.operation !== "query" || response.body.kind !== "single") return;
          const mark = cacheableMark(response.body.singleResult as ResultLike);
          if (mark) response.http.headers.set(CACHEABLE_HEADER, mark);
        },
      };
    },
  };
}
