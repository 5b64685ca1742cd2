import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { findFreePort } from "./free-port.ts";
import { waitForHealth } from "./wait-for-health.ts";

const provincePackage = fileURLToPath(new URL("../../subgraphs/province/", import.meta.url));

export interface ProvinceProcessOptions {
  provinceId: string;
  sqliteFile: string;
  /** The province's CSV folder; its committed one by default. */
  dataDir?: string;
  /** A free one by default; the same one to bring a killed province back at its URL. */
  port?: number;
}

export interface ProvinceProcess {
  provinceId: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** What the process wrote, for failure messages. */
  output(): string;
  /** Sends SIGKILL and waits for the process to be gone. */
  kill(): Promise<void>;
  /** Sends SIGTERM (then SIGKILL after 5 s) and waits. */
  stop(): Promise<void>;
}

/** Runs one province subgraph as its own OS process, as `npm start` does, and waits for /health. */
export async function startProvinceProcess({ provinceId, sqliteFile, dataDir, port = 0 }: ProvinceProcessOptions): Promise<ProvinceProcess> {
  port ||= await findFreePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: provincePackage,
    env: { ...process.env, PROVINCE_ID: provinceId, PORT: String(port), SQLITE_FILE: sqliteFile, ...(dataDir ? { PROVINCE_DATA_DIR: dataDir } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, "exit").then(([code, signal]) => `exited with ${signal ?? code}`);

  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(`http://127.0.0.1:${port}/health`, { timeoutMs: 60_000, abort: exited });
  } catch (error) {
    await stopWith("SIGKILL");
    throw new Error(`province ${provinceId} did not start: ${(error as Error).message}\n${output}`);
  }
  return {
    provinceId,
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    child,
    output: () => output,
    kill: () => stopWith("SIGKILL"),
    stop: () => stopWith("SIGTERM"),
  };
}
