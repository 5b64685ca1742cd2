import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { ProvinceRecord } from "./province-record.ts";
import { RegistryValidationError } from "./registry-validation-error.ts";
import { validateRegistry } from "./validate-registry.ts";

/** The committed registry: subgraphs/directory/data/provinces.json. */
export const defaultRegistryFile = fileURLToPath(new URL("../../data/provinces.json", import.meta.url));

export interface ProvinceRegistry {
  /** Every unit, in the file's order. */
  readonly provinces: readonly ProvinceRecord[];
  get(id: string): ProvinceRecord | undefined;
  /** The units that merged into this one, in the file's order. */
  predecessorsOf(id: string): ProvinceRecord[];
}

/** Validates parsed registry data (see validateRegistry) and indexes it. */
export function createProvinceRegistry(data: unknown, source = "province registry"): ProvinceRegistry {
  const provinces = validateRegistry(data, source);
  const byId = new Map(provinces.map((p) => [p.id, p]));
  const predecessors = new Map<string, ProvinceRecord[]>();
  for (const p of provinces) {
    if (p.successorId !== null) predecessors.set(p.successorId, [...(predecessors.get(p.successorId) ?? []), p]);
  }
  return {
    provinces,
    get: (id) => byId.get(id),
    predecessorsOf: (id) => predecessors.get(id) ?? [],
  };
}

/** Reads and validates a registry file; fails with the file's name and every problem in it. */
export async function loadProvinceRegistry(file: string = defaultRegistryFile): Promise<ProvinceRegistry> {
  const text = await readFile(file, "utf8");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new RegistryValidationError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  return createProvinceRegistry(data, file);
}
