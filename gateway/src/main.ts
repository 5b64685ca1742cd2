import { ConfigError } from "@khcn/shared";
import { loadGatewayConfig } from "./config.ts";
import { createGatewayLogger } from "./observability/create-gateway-logger.ts";
import { startGateway } from "./start-gateway.ts";

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  // Operational logs are JSON lines (pino) on stdout; the two start-up lines below stay for people.
  const logger = createGatewayLogger({ level: config.logLevel });
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
