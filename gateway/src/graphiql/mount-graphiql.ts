import express, { type Express, type Request, type Response } from "express";
import { GRAPHIQL_ASSETS_PATH, graphiqlAssets, robotoMono } from "./graphiql-assets.ts";
import { htmlSecurityHeaders, inlineScriptsOf, setHtmlSecurityHeaders } from "./html-security-headers.ts";
import { type ExampleQuery } from "./load-examples.ts";
import { renderGraphiQLPage } from "./render-graphiql-page.ts";

export interface GraphiQLRoutesOptions {
  endpoint: string;
  examples: readonly ExampleQuery[];
}

/** The media types a GraphQL client asks for; a browser navigating to a URL prefers text/html to all of them. */
const GRAPHQL_RESPONSE_TYPES = ["application/graphql-response+json", "application/json"];

/**
 * GET / and GET /graphiql: the GraphiQL page; GET /graphiql/assets/*: its scripts, stylesheets and
 * fonts. GET on the GraphQL endpoint from a browser (it prefers text/html and sends no query) gets
 * the page too. Mounted before Apollo's middleware, which answers everything else on the endpoint.
 */
export function mountGraphiQL(app: Express, options: GraphiQLRoutesOptions): void {
  const page = renderGraphiQLPage(options);
  // The page's one inline script (GraphiQL's start, with the examples) is allowed by its hash.
  const headers = htmlSecurityHeaders({ inlineScripts: inlineScriptsOf(page) });
  const sendPage = (_req: Request, res: Response) => {
    setHtmlSecurityHeaders(res, headers);
    res.type("html").send(page);
  };
  app.get("/", sendPage);
  app.get("/graphiql", sendPage);
  // Content negotiation, as GraphQL servers commonly do: the URL `npm start` prints opens an IDE in a
  // browser instead of a CSRF error. A request with a query, or one that takes JSON (curl's */*, a
  // GraphQL client), goes on to Apollo unchanged, CSRF prevention included.
  app.get(options.endpoint, (req, res, next) => {
    res.vary("Accept");
    if (req.query.query === undefined && req.accepts([...GRAPHQL_RESPONSE_TYPES, "text/html"]) === "text/html") return sendPage(req, res);
    next();
  });
  // Browsers ask for it on their own; an empty answer keeps a 404 out of the console.
  app.get("/favicon.ico", (_req, res) => {
    res.status(204).end();
  });
  app.get(`${GRAPHIQL_ASSETS_PATH}/:file`, (req, res, next) => {
    const file = graphiqlAssets[req.params.file];
    if (!file || !Object.hasOwn(graphiqlAssets, req.params.file)) return next();
    res.sendFile(file, { maxAge: "1h" });
  });
  app.get(`${robotoMono.path}/:file`, (req, res, next) => {
    if (!Object.hasOwn(robotoMono.stylesheets, req.params.file)) return next();
    res.sendFile(robotoMono.stylesheets[req.params.file]!, { maxAge: "1h" });
  });
  // The font files the stylesheets name by `./files/…`: the package's folder as it is, nothing else.
  app.use(`${robotoMono.path}/files`, express.static(robotoMono.filesDir, { index: false, redirect: false, maxAge: "1h" }));
}
