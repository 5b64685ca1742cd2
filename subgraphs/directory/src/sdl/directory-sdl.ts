import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { printSubgraphSchema } from "@apollo/subgraph";
import { buildDirectorySchema } from "../server.ts";

/** The directory's committed SDL, from which the supergraph is composed. */
export const directorySdlPath = fileURLToPath(new URL("../../schema.graphql", import.meta.url));

export async function printDirectorySdl(): Promise<string> {
  return `${printSubgraphSchema(await buildDirectorySchema()).trim()}\n`;
}

export function readCommittedDirectorySdl(): Promise<string> {
  return readFile(directorySdlPath, "utf8");
}
