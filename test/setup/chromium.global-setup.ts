import { findChromium } from "../helpers/launch-chromium.ts";

/** Stops the browser run at once, in one line, when there is no browser to run it with. */
export default function setup() {
  try {
    console.log(`Chromium: ${findChromium()}`);
  } catch (error) {
    // Thrown from here, vitest would bury the reason under "No test files found" and a stack.
    console.error(`npm run test:browser: ${(error as Error).message}`);
    process.exit(1);
  }
}
