/**
 * What the Hive engine takes from Hive Gateway, in one module so that the production build can
 * bundle it into one file (scripts/bundle-hive-modules.mjs): loaded as some thousand separate
 * modules these took 1.8 s of the gateway's cold start here, bundled 0.3 s.
 */
export { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
export { default as httpTransport } from "@graphql-mesh/transport-http";
export { unifiedGraphHandler } from "@graphql-hive/router-runtime";
