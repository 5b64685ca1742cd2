import type { Express, Request, Response } from "express";
import { GRAPHIQL_ASSETS_PATH, graphiqlAssets } from "./graphiql-assets.ts";
import { type ExampleQuery } from "./load-examples.ts";
import { renderGraphiQLPage } from "./render-graphiql-page.ts";

export interface GraphiQLRoutesOptions {
  endpoint: string;
  examples: readonly ExampleQuery[];
}

/** GET / and GET /graphiql: the GraphiQL page; GET /graphiql/assets/*: its scripts and stylesheet. */
export function mountGraphiQL(app: Express, options: GraphiQLRoutesOptions): void {
  const page = renderGraphiQLPage(options);
  const sendPage = (_req: Request, res: Response) => {
    res.type("html").send(page);
  };
  app.get("/", sendPage);
  app.get("/graphiql", sendPage);
  // Browsers ask for it on their own; an empty answer keeps a 404 out of the console.
  app.get("/favicon.ico", (_req, res) => {
    res.status(204).end();
  });
  app.get(`${GRAPHIQL_ASSETS_PATH}/:file`, (req, res, next) => {
    const file = graphiqlAssets[req.params.file];
    if (!file || !Object.hasOwn(graphiqlAssets, req.params.file)) return next();
    res.sendFile(file, { maxAge: "1h" });
  });
}
