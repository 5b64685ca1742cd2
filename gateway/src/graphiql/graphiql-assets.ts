import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

function fileOf(packageName: string, file: string): string {
  return join(dirname(require.resolve(`${packageName}/package.json`)), file);
}

/**
 * What the GraphiQL page loads, served from our own node_modules (never a CDN, so it works
 * offline): React's and GraphiQL's UMD builds and GraphiQL's stylesheet (its fonts are inlined).
 */
export const graphiqlAssets: Record<string, string> = {
  "react.production.min.js": fileOf("react", "umd/react.production.min.js"),
  "react-dom.production.min.js": fileOf("react-dom", "umd/react-dom.production.min.js"),
  "graphiql.min.js": fileOf("graphiql", "graphiql.min.js"),
  "graphiql.min.css": fileOf("graphiql", "graphiql.min.css"),
};

export const GRAPHIQL_ASSETS_PATH = "/graphiql/assets";
