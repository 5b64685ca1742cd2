import type { DirectoryContext } from "../context.ts";
import type { ProvinceRecord } from "../registry/province-record.ts";

/** Resolves a Province entity by key for the gateway; an unknown id resolves to null. */
export function resolveProvinceReference(reference: { id: string }, { registry }: DirectoryContext): ProvinceRecord | null {
  return registry.get(reference.id) ?? null;
}
