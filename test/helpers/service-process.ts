import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { findFreePort } from "./free-port.ts";
import { waitForHealth } from "./wait-for-health.ts";

export interface ServiceProcessOptions {
  /** Names the service in failure messages, e.g. `gateway`. */
  label: string;
  /** The workspace folder to run in. */
  cwd: string;
  /** The entry point, relative to cwd: TypeScript run through tsx (`src/main.ts`), or built JavaScript (`dist/main.js`). */
  entry: string;
  /** Added to this process's environment; PORT is set by the helper. */
  env?: Record<string, string>;
  /** Health path answered 2xx once the service is ready, e.g. `/health`. */
  healthPath: string;
  /** A free one by default; the same one to bring a killed service back at its URL. */
  port?: number;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeOptions?: string[];
  timeoutMs?: number;
}

export interface ServiceProcess {
  port: number;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  child: ChildProcess;
  /** What the process wrote, for failure messages. */
  output(): string;
  /** The process's peak resident memory so far (Linux VmHWM), in bytes. */
  peakMemoryBytes(): Promise<number>;
  /** Sends SIGKILL and waits for the process to be gone. */
  kill(): Promise<void>;
  /** Sends SIGTERM (then SIGKILL after 5 s) and waits. */
  stop(): Promise<void>;
}

/** How node runs our TypeScript: tsx as a loader, and the workspaces' sources instead of their dist/. */
export const SOURCE_NODE_FLAGS = ["--conditions=@khcn/source", "--import", "tsx"];

/**
 * Runs one service as its own OS process, as `npm start` does: node itself with tsx as a loader
 * (not the tsx CLI, which would put a wrapper process between us and the service), or node alone
 * for a built `.js` entry as production does; then waits for its health check.
 */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const port = options.port || (await findFreePort());
  // The flags the package's start script gives node (package.json "nodeFlags"), so the service runs as deployed.
  const { nodeFlags = [] } = JSON.parse(await readFile(join(options.cwd, "package.json"), "utf8")) as { nodeFlags?: string[] };
  const child = spawn(process.execPath, [...nodeFlags, ...(options.nodeOptions ?? []), ...(options.entry.endsWith(".ts") ? SOURCE_NODE_FLAGS : []), options.entry], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, PORT: String(port) },
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
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${origin}${options.healthPath}`, { timeoutMs: options.timeoutMs ?? 60_000, abort: exited });
  } catch (error) {
    await stopWith("SIGKILL");
    throw new Error(`${options.label} did not start: ${(error as Error).message}\n${output}`);
  }
  return {
    port,
    origin,
    child,
    output: () => output,
    peakMemoryBytes: async () => {
      const status = await readFile(`/proc/${child.pid}/status`, "utf8");
      const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
      if (!kib) throw new Error(`${options.label}: no VmHWM in /proc/${child.pid}/status`);
      return Number(kib) * 1024;
    },
    kill: () => stopWith("SIGKILL"),
    stop: () => stopWith("SIGTERM"),
  };
}
