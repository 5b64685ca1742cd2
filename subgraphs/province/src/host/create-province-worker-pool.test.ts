import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvinceWorkerPool } from "./create-province-worker-pool.ts";

// A stand-in for the province host's worker: it serves on a loopback port and stops at /stop.
const fakeWorker = `
import { createServer } from "node:http";
import { parentPort } from "node:worker_threads";
const server = createServer((req, res) => {
  if (req.url === "/stop") process.exit(3);
  res.end("ok");
});
server.listen(0, "127.0.0.1", () => parentPort.postMessage({ type: "listening", port: server.address().port }));
parentPort.on("message", (m) => m === "stop" && server.close(() => process.exit(0)));
`;

describe("the province host's worker threads", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "khcn-pool-"));
    await writeFile(join(dir, "worker.mjs"), fakeWorker);
    await writeFile(join(dir, "broken.mjs"), "throw new Error('the databases are not there');\n");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("starts a worker that stopped again, at a new port, and says so", async () => {
    const exits: string[] = [];
    const pool = await createProvinceWorkerPool({ size: 2, provinces: [], entry: pathToFileURL(join(dir, "worker.mjs")), onWorkerExit: (i, reason) => exits.push(`${i} ${reason}`) });
    try {
      const before = await pool.portOf(1);
      await fetch(`http://127.0.0.1:${before}/stop`).catch(() => undefined);
      // Until it is back, the worker's port is a promise of the new one.
      await expect.poll(() => exits).toEqual(["1 exited with 3"]);
      const after = await pool.portOf(1);
      expect(after).not.toBe(before);
      expect(await (await fetch(`http://127.0.0.1:${after}/`)).text()).toBe("ok");
    } finally {
      await pool.stop();
    }
  });

  it("fails the host's start with the reason when a worker cannot start", async () => {
    await expect(createProvinceWorkerPool({ size: 2, provinces: [], entry: pathToFileURL(join(dir, "broken.mjs")) })).rejects.toThrow("the databases are not there");
  });
});
