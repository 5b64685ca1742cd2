import { GRAPHIQL_ASSETS_PATH } from "./graphiql-assets.ts";
import type { ExampleQuery } from "./load-examples.ts";

export interface GraphiQLPageOptions {
  /** The GraphQL endpoint's path on this server. */
  endpoint: string;
  examples: readonly ExampleQuery[];
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** The GraphiQL page: every script and stylesheet from this server, the examples as tabs. */
export function renderGraphiQLPage({ endpoint, examples }: GraphiQLPageOptions): string {
  const tabs = examples.map(({ query }) => ({ query }));
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>KH&amp;CN federation · GraphiQL</title>
  <link rel="stylesheet" href="${GRAPHIQL_ASSETS_PATH}/graphiql.min.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="${GRAPHIQL_ASSETS_PATH}/react.production.min.js"></script>
  <script src="${GRAPHIQL_ASSETS_PATH}/react-dom.production.min.js"></script>
  <script src="${GRAPHIQL_ASSETS_PATH}/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: new URL(${scriptJson(endpoint)}, location.href).href });
    ReactDOM.createRoot(document.getElementById("graphiql")).render(
      React.createElement(GraphiQL, { fetcher, defaultTabs: ${scriptJson(tabs)}, shouldPersistHeaders: false }),
    );
  </script>
</body>
</html>
`;
}
