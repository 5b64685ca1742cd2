import { createError, ErrorCode } from "@khcn/shared";
import { createGraphQLHttpServer } from "@khcn/shared/server";
import type { DataSource } from "typeorm";
import type { LoadOnStart } from "../config.ts";
import { createContext } from "../context.ts";
import { type DatabaseConfig, openDatabase } from "../data-source.ts";
import { loadOnStart } from "../load-on-start.ts";
import { buildProvinceSchema } from "../schema.ts";

export interface HostedProvince {
  provinceId: string;
  database: DatabaseConfig;
  dataDir?: string;
  loadOnStart?: LoadOnStart;
}

export interface StartProvinceHostOptions {
  provinces: HostedProvince[];
  port: number;
  host?: string;
  /**
   * Idle keep-alive connections close after this (Node's 5 s by default). The front of the
   * threaded host gives 0, never: its agent reuses them, and one closed under a request it just
   * sent would fail that request.
   */
  keepAliveTimeoutMs?: number;
}

export interface RunningProvinceHost {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Each hosted province's own GraphQL URL: a router treats it like any other province. */
  urls: Map<string, string>;
  dataSources: Map<string, DataSource>;
  stop(): Promise<void>;
}

/** `/provinces/<id>/graphql`: one path per province, so each keeps an endpoint of its own. */
export const hostedProvincePath = "/provinces/:provinceId/graphql";

/**
 * Serves several provinces from one process, each on its own database, behind one schema and one
 * HTTP server: how the ministry hosts provinces that have no IT staff. Each province answers at its
 * own path exactly as a province subgraph does.
 */
export async function startProvinceHost(options: StartProvinceHostOptions): Promise<RunningProvinceHost> {
  const dataSources = new Map<string, DataSource>();
  const close = () => Promise.all([...dataSources.values()].map((d) => d.destroy()));
  try {
    for (const province of options.provinces) {
      if (dataSources.has(province.provinceId)) throw new Error(`province "${province.provinceId}" is listed twice`);
      const dataSource = await openDatabase(province.database);
      dataSources.set(province.provinceId, dataSource);
      await loadOnStart(dataSource, province);
    }
    const server = await createGraphQLHttpServer({
      apollo: { schema: await buildProvinceSchema(), introspection: true },
      path: hostedProvincePath,
      context: async ({ req }) => {
        const provinceId = String(req.params.provinceId);
        const dataSource = dataSources.get(provinceId);
        if (!dataSource) throw createError(ErrorCode.BadUserInput, `this host serves no province "${provinceId}"`);
        return createContext(provinceId, dataSource);
      },
      routes: (app) => {
        app.get("/health", (_req, res) => void res.json({ status: "ok", provinces: [...dataSources.keys()] }));
      },
    });
    if (options.keepAliveTimeoutMs !== undefined) server.httpServer.keepAliveTimeout = options.keepAliveTimeoutMs;
    const base = await server.listen(options.port, options.host);
    const origin = new URL(base).origin;
    const urls = new Map([...dataSources.keys()].map((id) => [id, `${origin}/provinces/${id}/graphql`]));
    return {
      origin,
      urls,
      dataSources,
      stop: async () => {
        await server.stop();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
