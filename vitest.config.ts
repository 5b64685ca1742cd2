import { defineConfig } from "vitest/config";

/**
 * Node's own conditions, with ours first: our workspaces resolve to their sources. Not Vite's
 * "module": it picks ESM builds (e.g. @opentelemetry/api's) that Node itself cannot load.
 */
const sourceConditions = ["@khcn/source", "node", "development|production"];

/** What every run shares, `npm test` and `npm run test:browser` alike. */
export const common = {
  // graphql 16 ships CJS and ESM builds; Vite would pick the ESM one for our sources while Node loads
  // the CJS one for type-graphql and Apollo, and two graphql instances reject each other's types.
  resolve: { alias: { graphql: "graphql/index.js" }, conditions: sourceConditions },
  // The workspaces' TypeScript sources, not a stale dist/ from the last `npm run build`.
  ssr: { resolve: { conditions: sourceConditions } },
  test: {
    exclude: ["**/node_modules/**"],
    setupFiles: ["reflect-metadata"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Whole-system tests start several processes; two cores do not profit from more workers.
    maxWorkers: 2,
  },
};

/** `npm test`: unit and whole-system tests; they need Node and npm only (PostgreSQL comes from npm if the machine has none). */
export default defineConfig({
  ...common,
  test: {
    ...common.test,
    include: ["{shared,gateway,subgraphs,dashboard}/**/src/**/*.test.ts", "test/**/*.e2e.ts"],
    globalSetup: ["test/setup/postgres.global-setup.ts"],
  },
});
