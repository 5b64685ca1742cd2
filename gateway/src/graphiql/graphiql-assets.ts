import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** A file of a package that does not export it: found beside the package.json it does export. */
function fileBeside(packageJson: string, file: string): string {
  return join(dirname(packageJson), file);
}

/**
 * What the GraphiQL page loads, served from our own node_modules (never a CDN, so it works
 * offline): React's and GraphiQL's UMD builds and GraphiQL's stylesheet (its fonts are inlined).
 */
export const graphiqlAssets: Record<string, string> = {
  "react.production.min.js": fileBeside(require.resolve("react/package.json"), "umd/react.production.min.js"),
  "react-dom.production.min.js": fileBeside(require.resolve("react-dom/package.json"), "umd/react-dom.production.min.js"),
  "graphiql.min.js": fileBeside(require.resolve("graphiql/package.json"), "graphiql.min.js"),
  "graphiql.min.css": fileBeside(require.resolve("graphiql/package.json"), "graphiql.min.css"),
};

export const GRAPHIQL_ASSETS_PATH = "/graphiql/assets";
