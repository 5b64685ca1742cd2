import { defineConfig } from "vitest/config";

export default defineConfig({
  // graphql 16 ships CJS and ESM builds; Vite would pick the ESM one for our sources while Node loads
  // the CJS one for type-graphql and Apollo, and two graphql instances reject each other's types.
  resolve: { alias: { graphql: "graphql/index.js" } },
  test: {
    include: ["{shared,gateway,subgraphs}/**/src/**/*.test.ts", "test/**/*.e2e.ts"],
    exclude: ["**/node_modules/**"],
    setupFiles: ["reflect-metadata"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Whole-system tests start several processes; two cores do not profit from more workers.
    maxWorkers: 2,
  },
});
