import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ErrorCode } from "@khcn/shared";
import { createFairDispatcher } from "./create-fair-dispatcher.ts";
import { createProvinceWorkerPool } from "./create-province-worker-pool.ts";
import { prepareHostedProvinces } from "./prepare-hosted-provinces.ts";
import type { HostedProvince } from "./start-province-host.ts";

export interface StartIsolatedProvinceHostOptions {
  provinces: HostedProvince[];
  port: number;
  host?: string;
  /** Worker threads, each serving every province one request at a time (HOST_WORKERS, 2). */
  workers: number;
  /** Told when a worker stopped unexpectedly (it is started again). */
  log?: (message: string) => void;
}

export interface RunningIsolatedProvinceHost {
  origin: string;
  /** Each hosted province's own GraphQL URL: a router treats it like any other province. */
  urls: Map<string, string>;
  stop(): Promise<void>;
}

const hopByHop = ["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection"];
const without = <T extends Record<string, unknown>>(headers: T): T => Object.fromEntries(Object.entries(headers).filter(([name]) => !hopByHop.includes(name))) as T;

/**
 * The host with its provinces' work off the event loop that takes requests: the databases are
 * prepared here, then `workers` worker threads each serve every province (synchronous SQLite and
 * GraphQL execution run there), and this thread only forwards each request to a free worker. A
 * province holds at most workers − 1 of them at once, so a heavy or flooded province never stalls
 * another's request (createFairDispatcher); with one worker there is no such guarantee.
 */
export async function startIsolatedProvinceHost(options: StartIsolatedProvinceHostOptions): Promise<RunningIsolatedProvinceHost> {
  const ids = options.provinces.map((p) => p.provinceId);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`province "${twice}" is listed twice`);
  await prepareHostedProvinces(options.provinces);
  const log = options.log ?? ((message: string) => console.error(message));
  const pool = await createProvinceWorkerPool({
    size: options.workers,
    provinces: options.provinces,
    onWorkerExit: (worker, reason) => log(`province host: worker ${worker} ${reason}; starting another in a second`),
  });
  const dispatcher = createFairDispatcher(options.workers);
  const hosted = new Set(ids);
  const agent = new Agent({ keepAlive: true });

  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    const provinceId = /^\/provinces\/([^/?]+)\/graphql(?:[/?]|$)/.exec(req.url ?? "")?.[1];
    // Requests for no hosted province (unknown ids, stray paths) share one turn: they cannot claim one each.
    const lease = await dispatcher.acquire(provinceId && hosted.has(provinceId) ? provinceId : "");
    // A client that gave up while waiting costs no worker.
    if (res.destroyed) return lease.release();
    let port: number;
    try {
      port = await pool.portOf(lease.worker);
    } catch {
      lease.release();
      return void sendError(res, 503, "the province host's worker could not start; ask again");
    }
    const upstream = request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers: without(req.headers), agent }, (answer) => {
      // The worker is free again once its whole answer is read, even if our client has gone.
      answer.once("close", lease.release);
      res.once("close", () => answer.resume());
      res.writeHead(answer.statusCode ?? 502, without(answer.headers));
      answer.pipe(res);
    });
    upstream.once("error", () => {
      lease.release();
      if (!res.headersSent) sendError(res, 502, "the province host's worker stopped while answering; ask again");
      else res.destroy();
    });
    // A client gone before its whole body was sent would leave the worker waiting for the rest.
    req.once("close", () => req.complete || upstream.destroy());
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/health") {
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ status: "ok", provinces: ids, workers: options.workers }));
    }
    void forward(req, res);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, options.host ?? "0.0.0.0", resolve);
    });
  } catch (error) {
    await pool.stop();
    throw error;
  }
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    urls: new Map(ids.map((id) => [id, `${origin}/provinces/${id}/graphql`])),
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests in flight get five seconds to finish.
        setTimeout(() => server.closeAllConnections(), 5000).unref();
      });
      agent.destroy();
      await pool.stop();
    },
  };
}

function sendError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: ErrorCode.ProvinceUnavailable } }] }));
}
