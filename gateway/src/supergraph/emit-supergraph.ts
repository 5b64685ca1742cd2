import { writeFile } from "node:fs/promises";
import { composeCommittedSupergraph, CompositionError } from "./compose-supergraph.ts";
import { supergraphPath } from "./subgraph-sources.ts";

try {
  const { text, hints } = await composeCommittedSupergraph();
  await writeFile(supergraphPath, text);
  for (const hint of hints) console.log(`hint: ${hint.toString()}`);
  console.log(`wrote ${supergraphPath}`);
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exitCode = 1;
}
