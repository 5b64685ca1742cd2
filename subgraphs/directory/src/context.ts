import type { ProvinceRegistry } from "./registry/province-registry.ts";

export interface DirectoryContext {
  registry: ProvinceRegistry;
}
