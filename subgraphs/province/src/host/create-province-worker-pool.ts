import { once } from "node:events";
import { Worker } from "node:worker_threads";
import type { ProvinceHostWorkerData, ProvinceHostWorkerMessage } from "./province-host-worker.ts";
import type { HostedProvince } from "./start-province-host.ts";

export interface ProvinceWorkerPoolOptions {
  size: number;
  /** Every worker serves all of them; their databases must be prepared (migrated, loaded) already. */
  provinces: HostedProvince[];
  /** Told when a worker that was serving stopped; it is started again a second later. */
  onWorkerExit?: (worker: number, reason: string) => void;
  /** The workers' module: province-host-worker by default (a test gives one that stops on demand). */
  entry?: URL;
}

export interface ProvinceWorkerPool {
  size: number;
  /** The loopback port of a worker; waits while a worker that stopped is started again. */
  portOf(worker: number): Promise<number>;
  stop(): Promise<void>;
}

// From the sources (tsx, vitest) the worker is TypeScript too, and its entry registers tsx first.
const fromSources = import.meta.url.endsWith(".ts");
const hostWorker = new URL(fromSources ? "./province-host-worker.dev.mjs" : "./province-host-worker.js", import.meta.url);
const execArgv = fromSources && !process.execArgv.includes("--conditions=@khcn/source") ? [...process.execArgv, "--conditions=@khcn/source"] : process.execArgv;

/** Starts `size` worker threads, each serving every province on a loopback port of its own. */
export async function createProvinceWorkerPool({ size, provinces, onWorkerExit, entry = hostWorker }: ProvinceWorkerPoolOptions): Promise<ProvinceWorkerPool> {
  const workerData: ProvinceHostWorkerData = { provinces: provinces.map((p) => ({ ...p, loadOnStart: "never" as const })) };
  const threads: (Worker | undefined)[] = [];
  const ports: Promise<number>[] = [];
  let stopping = false;

  const start = (index: number): Promise<number> => {
    const worker = new Worker(entry, { workerData, execArgv });
    threads[index] = worker;
    const listening = new Promise<number>((resolve, reject) => {
      worker.on("message", (message: ProvinceHostWorkerMessage) => message.type === "listening" && resolve(message.port));
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`worker ${index} exited with ${code} before serving`)));
    });
    listening.then(
      () =>
        worker.once("exit", (code) => {
          if (stopping) return;
          onWorkerExit?.(index, `exited with ${code}`);
          const restarted = new Promise<void>((resolve) => setTimeout(() => resolve(), 1000)).then(() => {
            if (stopping) throw new Error("the host is stopping");
            return start(index);
          });
          ports[index] = restarted;
          // A worker that cannot start again is tried again the next time it is lent.
          restarted.catch((error: Error) => stopping || onWorkerExit?.(index, error.message));
        }),
      // A worker that never served fails the start, or its restart, through `listening` itself.
      () => {},
    );
    worker.on("error", (error) => listening.then(() => onWorkerExit?.(index, error.message), () => {}));
    return listening;
  };

  const stop = async () => {
    stopping = true;
    await Promise.all(
      threads.map(async (worker) => {
        if (!worker || worker.threadId === -1) return;
        const exited = once(worker, "exit");
        worker.postMessage("stop");
        const timer = setTimeout(() => void worker.terminate(), 5000);
        await exited;
        clearTimeout(timer);
      }),
    );
  };

  for (let i = 0; i < size; i++) ports.push(start(i));
  // The first failure is thrown below; the others would be unhandled rejections.
  for (const port of ports) port.catch(() => {});
  try {
    await Promise.all(ports);
  } catch (error) {
    await Promise.all(threads.map((w) => w?.terminate()));
    throw error;
  }
  return {
    size,
    portOf: (worker) => {
      const port = ports[worker]!;
      return port.catch(() => {
        if (ports[worker] === port) ports[worker] = start(worker);
        return ports[worker]!;
      });
    },
    stop,
  };
}
