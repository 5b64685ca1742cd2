import { ConfigError } from "@khcn/shared";
import { loadGatewayConfig } from "./config.ts";
import { startGateway } from "./start-gateway.ts";

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const logger = { info: (message: string) => console.log(`gateway: ${message}`), warn: (message: string) => console.warn(`gateway: ${message}`) };
  const gateway = await startGateway({ config, logger });
  const origin = new URL(gateway.url).origin;
  console.log(`gateway: ${gateway.url} (GraphiQL at ${origin}/, readiness at ${origin}/health/ready)`);
  console.log(`gateway: directory ${config.directoryUrl}; provinces ${config.provinces.map((p) => `${p.id}=${p.url}`).join(", ")}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void gateway.stop().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  // A wrong setting is the operator's to fix: say which, without a stack trace.
  console.error(error instanceof ConfigError ? `gateway: ${error.message}` : error);
  process.exit(1);
});
