import { GRAPHIQL_ASSETS_PATH, robotoMono } from "./graphiql-assets.ts";
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

/**
 * GraphiQL's font variables, set on the elements its own stylesheet sets them on (the same
 * selectors, later in the page, so these win). Editors and results: Roboto Mono, which has the
 * Vietnamese glyphs GraphiQL's inlined Fira Code lacks. The interface keeps GraphiQL's inlined
 * Roboto, whose subsets include Vietnamese (U+1EA0-1EF9), with Roboto Mono behind it for anything
 * it lacks. CodeMirror's hints and lint tooltips are outside those elements and name monospace.
 */
const FONT_OVERRIDES = `.graphiql-container, .CodeMirror-info, .CodeMirror-lint-tooltip, .graphiql-dialog, .graphiql-dialog-overlay, .graphiql-tooltip, [data-radix-popper-content-wrapper] {
      --font-family-mono: "Roboto Mono", monospace;
      --font-family: "Roboto", "Roboto Mono", sans-serif;
    }
    .CodeMirror-hints, .CodeMirror-lint-tooltip { font-family: "Roboto Mono", monospace; }`;

/** The GraphiQL page: every script, stylesheet and font from this server, the examples as tabs. */
export function renderGraphiQLPage({ endpoint, examples }: GraphiQLPageOptions): string {
  const tabs = examples.map(({ query }) => ({ query }));
  const fontLinks = Object.keys(robotoMono.stylesheets).map((file) => `<link rel="stylesheet" href="${robotoMono.path}/${file}">`);
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>KH&amp;CN federation · GraphiQL</title>
  <link rel="stylesheet" href="${GRAPHIQL_ASSETS_PATH}/graphiql.min.css">
  ${fontLinks.join("\n  ")}
  <style>
    html, body, #graphiql { height: 100%; margin: 0; }
    ${FONT_OVERRIDES}
  </style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="${GRAPHIQL_ASSETS_PATH}/react.production.min.js"></script>
  <script src="${GRAPHIQL_ASSETS_PATH}/react-dom.production.min.js"></script>
  <script src="${GRAPHIQL_ASSETS_PATH}/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: new URL(${scriptJson(endpoint)}, location.href).href });
    ReactDOM.createRoot(document.getElementById("graphiql")).render(
      React.createElement(GraphiQL, { fetcher, defaultTabs: ${scriptJson(tabs)}, shouldPersistHeaders: false },
        // Beside GraphiQL's name: the ministry's comparison page, the same figures without GraphQL.
        React.createElement(GraphiQL.Logo, null, "GraphiQL · ", React.createElement("a", { href: "/dashboard/", className: "dashboard-link" }, "Dashboard"))),
    );
  </script>
</body>
</html>
`;
}
