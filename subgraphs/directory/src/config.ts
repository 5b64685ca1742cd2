import { readPath, readPort } from "@khcn/shared";
import { defaultRegistryFile } from "./registry/province-registry.ts";

export interface DirectoryConfig {
  port: number;
  /** The registry's JSON file. */
  registryFile: string;
}

/** PORT (4001), DIRECTORY_FILE (subgraphs/directory/data/provinces.json). */
export function loadDirectoryConfig(env: Record<string, string | undefined> = process.env): DirectoryConfig {
  return {
    port: readPort(env, "PORT", 4001),
    registryFile: readPath(env, "DIRECTORY_FILE", defaultRegistryFile),
  };
}
