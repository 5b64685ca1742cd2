import { writeFile } from "node:fs/promises";

/**
 * A directory registry listing the given synthetic provinces (and nothing else), so the comparative
 * query asks exactly those. GSO codes are made up like the provinces; the names say SYNTHETIC.
 */
export async function writeDirectoryRegistry(file: string, ids: readonly string[]): Promise<void> {
  const provinces = ids.map((id, i) => ({
    id,
    name: `SYNTHETIC ${id}`,
    gsoCode: String(i + 1).padStart(2, "0"),
    validFrom: null,
    validTo: null,
    successor: null,
    hasSubgraph: true,
    source: "SYNTHETIC: generated for benchmarks, not a real province",
  }));
  await writeFile(file, JSON.stringify({ provinces }, null, 2));
}
