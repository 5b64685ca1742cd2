import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { findFreePort } from "./helpers/free-port.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

// Port 6000 is free on most machines, but Node's fetch refuses it ("bad port", as browsers do): the
// health checks failed on it for 180 s, then `npm start` tore everything down saying "not healthy".
it("refuses GATEWAY_PORT=6000 at once, naming the variable and why", async () => {
  const others = { DIRECTORY_PORT: await findFreePort(), LANG_SON_PORT: await findFreePort(), LONG_AN_PORT: await findFreePort(), BAC_GIANG_PORT: await findFreePort() };
  const started = Date.now();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: { ...process.env, ...Object.fromEntries(Object.entries(others).map(([k, v]) => [k, String(v)])), GATEWAY_PORT: "6000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const [code] = await once(child, "exit");
  expect(code).toBe(1);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(output).toContain("GATEWAY_PORT=6000 (gateway)");
  expect(output).toMatch(/refuses this port as unsafe/);
  expect(output).not.toContain("starting");
});
