// Part of `npm run build`, after tsc: replaces the compiled gateway/dist/engines/hive-modules.js
// (three re-exports) with one bundled file of Hive Gateway's runtime, its HTTP transport and its
// Rust planner's handler. A cold start then parses one file instead of resolving and loading some
// thousand modules (docs/BENCHMARKS.md, "Cold start"). `graphql` stays outside, so the gateway and
// the bundle share one graphql-js (its classes are checked with instanceof); so does the planner's
// native module, which router-runtime finds by name at run time.
import { rm } from "node:fs/promises";
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const gateway = fileURLToPath(new URL("../gateway/", import.meta.url));
await build({
  entryPoints: [`${gateway}src/engines/hive-modules.ts`],
  outfile: `${gateway}dist/engines/hive-modules.js`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  legalComments: "linked",
  external: ["graphql", "@graphql-hive/router-query-planner"],
  // Some bundled packages are CommonJS and call require(): give the ES module one.
  banner: { js: "import { createRequire as __khcnCreateRequire } from 'node:module'; const require = __khcnCreateRequire(import.meta.url);" },
  logLevel: "warning",
});
// tsc's source map describes the file just replaced.
await rm(`${gateway}dist/engines/hive-modules.js.map`, { force: true });
