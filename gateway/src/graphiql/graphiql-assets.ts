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

const robotoMonoPackage = require.resolve("@fontsource/roboto-mono/package.json");

/**
 * Roboto Mono from @fontsource/roboto-mono, for GraphiQL's editors and results: the Fira Code that
 * GraphiQL inlines has no Vietnamese subset, so Chromium draws "tố" as "tô" plus a loose "´" from
 * another font. Each stylesheet is one weight with every subset (Vietnamese included) as
 * `@font-face` rules with a `unicode-range`, so a browser fetches only the subsets a page shows;
 * they name their fonts by the relative URL `./files/<name>.woff2`, served from the package's
 * files folder beside them. The weights are the ones GraphiQL's stylesheet uses.
 */
export const robotoMono = {
  path: `${GRAPHIQL_ASSETS_PATH}/roboto-mono`,
  stylesheets: Object.fromEntries(["400.css", "500.css", "700.css"].map((file) => [file, fileBeside(robotoMonoPackage, file)])) as Record<string, string>,
  filesDir: fileBeside(robotoMonoPackage, "files"),
};
