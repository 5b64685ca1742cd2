import { loadProvinceRegistry } from "./registry/province-registry.ts";
import { createDirectoryServer } from "./server.ts";

export interface StartDirectoryOptions {
  port: number;
  host?: string;
  /** The registry's JSON file; the committed one by default. */
  registryFile?: string;
}

export interface RunningDirectory {
  url: string;
  stop(): Promise<void>;
}

/** Loads and validates the registry, then serves it. */
export async function startDirectorySubgraph({ port, host, registryFile }: StartDirectoryOptions): Promise<RunningDirectory> {
  const registry = await loadProvinceRegistry(registryFile);
  const server = await createDirectoryServer({ registry });
  const url = await server.listen(port, host);
  return { url, stop: () => server.stop() };
}
