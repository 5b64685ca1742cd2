import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";

// `npm start`, the benchmark and the tests launch the gateway with package.json's "nodeFlags";
// Docker launches it with the start script (built), a developer with the dev script. All must say the same.
describe("the gateway's node flags", () => {
  it("are in its start script, as npm start and the benchmark read them", async () => {
    const { nodeFlags, scripts } = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as {
      nodeFlags: string[];
      scripts: { start: string; dev: string };
    };
    // A young generation large enough for a 63-province answer: fewer scavenges copying it (measured in npm run bench).
    expect(nodeFlags).toContain("--max-semi-space-size=64");
    for (const flag of nodeFlags) {
      expect(scripts.start).toContain(`${flag} `);
      expect(scripts.dev).toContain(`${flag} `);
    }
    expect(scripts.start).toMatch(/^node .*dist\/main\.js$/);
    expect(scripts.dev).toMatch(/^node .*--import tsx src\/main\.ts$/);
  });

  it("are the benchmark's too, whose own process hosts the in-process gateway", async () => {
    const gateway = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as { nodeFlags: string[] };
    const root = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as { scripts: { bench: string } };
    for (const flag of gateway.nodeFlags) expect(root.scripts.bench).toContain(`${flag} `);
  });
});
