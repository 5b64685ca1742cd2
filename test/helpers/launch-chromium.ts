import { accessSync, constants } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Where Debian, Ubuntu and Fedora put Chromium or Chrome; playwright-core never downloads a browser. */
const KNOWN_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium"];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH, or the first Chromium or Chrome at a usual place; throws one line saying how to get one. */
export function findChromium(environmentPath = process.env.CHROMIUM_PATH, candidates = KNOWN_PATHS): string {
  if (environmentPath) {
    if (isExecutable(environmentPath)) return environmentPath;
    throw new Error(`CHROMIUM_PATH=${environmentPath} is not an executable file; point it at a Chromium or Chrome binary.`);
  }
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new Error(
    `No Chromium found (looked at ${candidates.join(", ")}): install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
  );
}

/** Headless Chromium that makes no request of its own (updates, sync, QUIC probes). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
