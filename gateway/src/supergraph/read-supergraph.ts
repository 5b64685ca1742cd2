import { readFile } from "node:fs/promises";
import { supergraphPath } from "./subgraph-sources.ts";

/** The committed supergraph SDL, as the gateway serves it. */
export function readCommittedSupergraph(): Promise<string> {
  return readFile(supergraphPath, "utf8");
}
