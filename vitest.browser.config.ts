import { defineConfig } from "vitest/config";
import { common } from "./vitest.config.ts";

/** `npm run test:browser`: the scenarios that drive a real Chromium (test/*.browser.ts). */
export default defineConfig({
  ...common,
  test: {
    ...common.test,
    include: ["test/**/*.browser.ts"],
    globalSetup: ["test/setup/chromium.global-setup.ts"],
  },
});
