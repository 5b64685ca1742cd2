import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The committed example queries GraphiQL opens with, one tab each. */
export const examplesDir = fileURLToPath(new URL("../../examples/", import.meta.url));

export interface ExampleQuery {
  /** The file's name, e.g. `1-comparative-dashboard.graphql`; the number orders the tabs. */
  file: string;
  query: string;
}

export async function loadExampleQueries(dir = examplesDir): Promise<ExampleQuery[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith(".graphql")).sort();
  return Promise.all(files.map(async (file) => ({ file, query: await readFile(join(dir, file), "utf8") })));
}
