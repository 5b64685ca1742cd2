// The worker thread's entry when the host runs from its sources (tsx, vitest): on Node 20 a worker
// does not inherit the loader hooks that `--import tsx` registered, so it registers tsx's own.
import { register } from "tsx/esm/api";

register();
await import("./province-host-worker.ts");
