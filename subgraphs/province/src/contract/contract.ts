import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { printSubgraphSchema } from "@apollo/subgraph";
import { buildProvinceSchema } from "../schema.ts";

/** The committed contract every province serves (DESIGN rule 1). */
export const contractPath = fileURLToPath(new URL("../../schema.graphql", import.meta.url));

export async function printProvinceContract(): Promise<string> {
  return `${printSubgraphSchema(await buildProvinceSchema()).trim()}\n`;
}

export function readCommittedContract(): Promise<string> {
  return readFile(contractPath, "utf8");
}
