import { fileURLToPath } from "node:url";

/** The committed SDL of each subgraph the supergraph is composed from. */
export const subgraphSdlPaths = {
  directory: fileURLToPath(new URL("../../../subgraphs/directory/schema.graphql", import.meta.url)),
  /** The province contract: every province serves it, the router checks them against it. */
  province: fileURLToPath(new URL("../../../subgraphs/province/schema.graphql", import.meta.url)),
  /** The ministry's national figures and catalogue, served from the gateway's own process. */
  national: fileURLToPath(new URL("../../national.graphql", import.meta.url)),
} as const;

export type SubgraphName = keyof typeof subgraphSdlPaths;

/** The committed supergraph the gateway serves. */
export const supergraphPath = fileURLToPath(new URL("../../supergraph.graphql", import.meta.url));

/**
 * The URLs written into the supergraph. They are never called: the gateway's buildService sends
 * "directory" to DIRECTORY_URL, "province" to the province router and "national" to its in-process schema, so the committed file does
 * not depend on where anything runs.
 */
export const placeholderUrls: Record<SubgraphName, string> = {
  directory: "http://directory.invalid/graphql",
  province: "http://province-router.invalid/graphql",
  national: "http://national.invalid/graphql",
};
