import type { GatewayConfig } from "./config.ts";
import { createGatewayServer, type GatewayServerOptions } from "./server.ts";

export interface StartGatewayOptions extends Omit<GatewayServerOptions, "config"> {
  config: GatewayConfig;
  host?: string;
}

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql; GraphiQL is at its origin. */
  url: string;
  /** Re-reads the directory's names, re-checks every province and asks each its data version, now. */
  refreshStatus(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the gateway, checks the provinces once (names and contracts), then listens. */
export async function startGateway({ config, host, ...options }: StartGatewayOptions): Promise<RunningGateway> {
  const gateway = await createGatewayServer({ config, ...options, startEarly: true });
  try {
    await gateway.start();
    const url = await gateway.server.listen(config.port, host);
    const refreshStatus = async () => {
      await gateway.monitor.refresh();
      await gateway.cache?.versions.refresh();
    };
    return { url, refreshStatus, stop: () => gateway.stop() };
  } catch (error) {
    await gateway.stop();
    throw error;
  }
}
