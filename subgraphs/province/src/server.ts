import { createGraphQLHttpServer, type GraphQLHttpServer } from "@khcn/shared/server";
import type { DataSource } from "typeorm";
import { createContext } from "./context.ts";
import { buildProvinceSchema } from "./schema.ts";

export interface ProvinceServerOptions {
  provinceId: string;
  dataSource: DataSource;
}

/** Builds one province's subgraph server (GraphQL at /graphql, /health); does not listen. */
export async function createProvinceServer({ provinceId, dataSource }: ProvinceServerOptions): Promise<GraphQLHttpServer> {
  return createGraphQLHttpServer({
    apollo: { schema: await buildProvinceSchema(), introspection: true },
    context: async () => createContext(provinceId, dataSource),
    routes: (app) => {
      app.get("/health", async (_req, res) => {
        try {
          await dataSource.query("SELECT 1");
          res.json({ status: "ok", province: provinceId });
        } catch (error) {
          res.status(503).json({ status: "down", province: provinceId, reason: (error as Error).message });
        }
      });
    },
  });
}
