/**
 * One worker thread of the province host: serves every hosted province on a loopback port of its
 * own, and tells the front which. The front lends it one request at a time.
 */
import "reflect-metadata";
import { parentPort, workerData } from "node:worker_threads";
import { startProvinceHost, type HostedProvince } from "./start-province-host.ts";

export interface ProvinceHostWorkerData {
  provinces: HostedProvince[];
}

/** What a worker tells the front. */
export type ProvinceHostWorkerMessage = { type: "listening"; port: number };

const { provinces } = workerData as ProvinceHostWorkerData;
const host = await startProvinceHost({ port: 0, host: "127.0.0.1", provinces, keepAliveTimeoutMs: 0 });
const port = Number(new URL(host.origin).port);
parentPort!.postMessage({ type: "listening", port } satisfies ProvinceHostWorkerMessage);
parentPort!.on("message", (message: unknown) => {
  if (message === "stop") void host.stop().then(() => process.exit(0));
});
