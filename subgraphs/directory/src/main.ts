import "reflect-metadata";
import { ConfigError } from "@khcn/shared";
import { loadDirectoryConfig } from "./config.ts";
import { RegistryValidationError } from "./registry/registry-validation-error.ts";
import { startDirectorySubgraph } from "./start-directory-subgraph.ts";

async function main(): Promise<void> {
  const config = loadDirectoryConfig();
  const directory = await startDirectorySubgraph(config);
  console.log(`directory: ${directory.url} (registry ${config.registryFile})`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void directory.stop().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  // A wrong setting or registry file is the operator's to fix: say what, without a stack trace.
  if (error instanceof ConfigError || error instanceof RegistryValidationError) console.error(`directory: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
