import { ApolloGateway, LocalGraphQLDataSource } from "@apollo/gateway";
import { HeaderMap } from "@apollo/server";
import { ErrorCode } from "@khcn/shared";
import { createGraphQLHttpServer } from "@khcn/shared/server";
import { apolloCacheableMark } from "../cache/cacheable-mark.ts";
import { createOperationLimitRules } from "../limits/create-operation-limit-rules.ts";
import { loadGatewayLimits, loadGraphQLDebug } from "../limits/load-gateway-limits.ts";
import { DirectoryDataSource } from "../resilience/directory-data-source.ts";
import { applyContractScalars } from "./apply-contract-scalars.ts";
import { hideInternals, UNEXPECTED_CODES } from "./create-mask-error.ts";
import type { GatewayEngineOptions, GatewayEngineServer } from "./gateway-engine.ts";

/**
 * @apollo/gateway over the static supergraph, in Apollo Server: "directory" sent to its URL,
 * "province" to the province router (a data source, through `buildService`), "national" answered
 * in this process (`LocalGraphQLDataSource`).
 */
export async function createApolloEngine({ supergraphSdl, router, national, directoryUrl, directoryTimeoutMs = 3000, routes, path = "/graphql", limits = loadGatewayLimits(), debug = loadGraphQLDebug() }: GatewayEngineOptions): Promise<GatewayEngineServer> {
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => {
      if (name === "province") return router;
      if (name === "directory") return new DirectoryDataSource({ url: directoryUrl, timeoutMs: directoryTimeoutMs });
      if (name === "national") return new LocalGraphQLDataSource(national);
      throw new Error(`the supergraph names a subgraph the gateway does not know: ${name}`);
    },
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => void applyContractScalars(apiSchema));
  const server = await createGraphQLHttpServer({
    // Errors say what failed and where (PROVINCE_UNAVAILABLE names the province); a gateway stack trace adds nothing for a client.
    // Tokens, depth, aliases and directives are shared's (the gateway's values); the cost is the gateway's own, over the fan-out.
    apollo: { gateway, introspection: true, includeStacktraceInErrorResponses: debug, plugins: [apolloCacheableMark()],
      // As in Hive's maskError: an unexpected error, ours or a subgraph's relayed as DOWNSTREAM_SERVICE_ERROR, loses paths and URLs.
      formatError: (formatted) => (debug || !UNEXPECTED_CODES.includes(formatted.extensions?.code) ? formatted : { ...formatted, message: hideInternals(formatted.message) }),
      validationRules: createOperationLimitRules(limits, { structure: false }) },
    limits: { ...limits, maxCost: Number.MAX_SAFE_INTEGER },
    debug,
    context: async () => ({}),
    routes,
    path,
  });
  return {
    engine: "apollo",
    app: server.app,
    httpServer: server.httpServer,
    listen: server.listen,
    stop: server.stop,
    async handle({ body, headers = {} }) {
      const headerMap = new HeaderMap([["content-type", "application/json"], ...Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v] as [string, string])]);
      // express.json() parses the body before Apollo sees it; so does this, and refuses what it would refuse.
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return { status: 400, headers: { "content-type": "application/json" }, body: JSON.stringify({ errors: [{ message: "The request body is not valid JSON", extensions: { code: ErrorCode.BadRequest } }] }) };
      }
      const response = await server.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: "POST", headers: headerMap, search: "", body: parsed },
        context: async () => ({}) as never,
      });
      if (response.body.kind !== "complete") throw new Error("the gateway answered an incremental delivery, which the in-process path does not stream");
      return { status: response.status ?? 200, headers: Object.fromEntries(response.headers), body: response.body.string };
    },
  };
}
