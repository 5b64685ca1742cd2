import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDirectorySubgraph } from "@khcn/directory";
import { type GatewayConfig, type GatewayLogger, startGateway } from "@khcn/gateway";
import { startProvinceSubgraph } from "@khcn/province";
import type { GraphQLFormattedError } from "graphql";
import { type ProvinceProcess, startProvinceProcess } from "./province-process.ts";

/** The provinces `npm start` runs, in the directory's ids. */
export const PROVINCE_IDS = ["lang-son", "long-an", "bac-giang"] as const;
export type ProvinceId = (typeof PROVINCE_IDS)[number];

export interface StartSystemOptions {
  /** Provinces that run as their own OS process (to be killed); the others run in this process. */
  processes?: readonly ProvinceId[];
  /** Provinces whose route points elsewhere instead of a real subgraph, e.g. a hanging server. */
  routeElsewhere?: Partial<Record<ProvinceId, string>>;
  provinceTimeoutMs?: number;
  /** A province's CSV folder; its committed one by default. */
  dataDirOf?: (id: ProvinceId) => string | undefined;
  /** More of the gateway's settings, e.g. its circuit breakers'. */
  gateway?: Pick<GatewayConfig, "directoryTimeoutMs" | "provinceBreakerFailures" | "provinceBreakerCooldownMs" | "responseCache" | "requestTimeoutMs">;
  /** Where the gateway logs; nowhere by default. */
  gatewayLogger?: GatewayLogger;
  /** Puts something (a recording proxy) in front of the directory: the gateway is given its URL, and it is stopped with the system. */
  wrapDirectory?: (url: string) => Promise<{ url: string; stop(): Promise<void> }>;
}

export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: (GraphQLFormattedError & { extensions?: Record<string, unknown> })[];
}

export interface RunningSystem extends AsyncDisposable {
  gatewayUrl: string;
  directoryUrl: string;
  provinceUrls: Record<ProvinceId, string>;
  processes: Partial<Record<ProvinceId, ProvinceProcess>>;
  /** A province's SQLite file (each province has its own, in a temporary folder). */
  sqliteFileOf(id: ProvinceId): string;
  /** Starts a province process again, on the port and database it had (after `kill()`). */
  restartProcess(id: ProvinceId): Promise<ProvinceProcess>;
  /** Makes the gateway re-read the directory and re-check every province now (no schedule runs in tests). */
  refreshStatus(): Promise<void>;
  /** GETs a path on the gateway, e.g. /health/ready. */
  get(path: string): Promise<Response>;
  /** POSTs a query to the gateway. */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
  stop(): Promise<void>;
}

/** POSTs GraphQL over HTTP and returns the JSON body, whatever the status. */
export async function postQuery<T>(url: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as GraphQLAnswer<T>;
}

/**
 * The whole system on free ports: the directory, the three provinces (each on its own SQLite
 * file in a temporary folder, loaded from its CSV files) and the gateway. Whatever started is
 * stopped again when a later step fails, and by `stop()` / `await using`.
 */
export async function startSystem(options: StartSystemOptions = {}): Promise<RunningSystem> {
  const stops: (() => Promise<void>)[] = [];
  const workDir = await mkdtemp(join(tmpdir(), "khcn-e2e-"));
  stops.push(() => rm(workDir, { recursive: true, force: true }));
  const stop = async () => {
    // Reverse order: the gateway first, the folder last.
    for (const stopOne of stops.splice(0).reverse()) await stopOne().catch(() => {});
  };
  try {
    const directoryPromise = startDirectorySubgraph({ port: 0, host: "127.0.0.1" });
    directoryPromise.catch(() => {}); // awaited below, after the provinces
    const processes: Partial<Record<ProvinceId, ProvinceProcess>> = {};
    const started = await Promise.allSettled(
      PROVINCE_IDS.map(async (id): Promise<[ProvinceId, string]> => {
        const elsewhere = options.routeElsewhere?.[id];
        if (elsewhere) return [id, elsewhere];
        const sqliteFile = join(workDir, `${id}.sqlite`);
        const dataDir = options.dataDirOf?.(id);
        if (options.processes?.includes(id)) {
          const child = await startProvinceProcess({ provinceId: id, sqliteFile, dataDir });
          stops.push(child.stop);
          processes[id] = child;
          return [id, child.url];
        }
        const province = await startProvinceSubgraph({ provinceId: id, database: { type: "sqlite", file: sqliteFile }, port: 0, host: "127.0.0.1", dataDir });
        stops.push(province.stop);
        return [id, province.url];
      }),
    );
    // Every province that did start is in `stops` before the first failure is thrown.
    const directory = await directoryPromise;
    stops.push(directory.stop);
    const wrapped = options.wrapDirectory ? await options.wrapDirectory(directory.url) : undefined;
    if (wrapped) stops.push(wrapped.stop);
    const directoryUrl = wrapped?.url ?? directory.url;
    const failed = started.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    const provinceUrls = Object.fromEntries(started.map((result) => (result as PromiseFulfilledResult<[ProvinceId, string]>).value)) as Record<ProvinceId, string>;

    const gateway = await startGateway({
      config: {
        port: 0,
        directoryUrl,
        provinces: PROVINCE_IDS.map((id) => ({ id, url: provinceUrls[id] })),
        provinceTimeoutMs: options.provinceTimeoutMs ?? 3000,
        contractCheckIntervalMs: 0,
        ...options.gateway,
      },
      host: "127.0.0.1",
      ...(options.gatewayLogger ? { logger: options.gatewayLogger } : {}),
    });
    stops.push(gateway.stop);

    return {
      gatewayUrl: gateway.url,
      directoryUrl,
      provinceUrls,
      processes,
      refreshStatus: gateway.refreshStatus,
      sqliteFileOf: (id) => join(workDir, `${id}.sqlite`),
      restartProcess: async (id) => {
        const previous = processes[id];
        if (!previous) throw new Error(`${id} does not run as a process`);
        await previous.stop();
        const child = await startProvinceProcess({ provinceId: id, sqliteFile: join(workDir, `${id}.sqlite`), dataDir: options.dataDirOf?.(id), port: previous.port });
        stops.push(child.stop);
        processes[id] = child;
        return child;
      },
      get: (path) => fetch(new URL(path, gateway.url)),
      query: (query, variables) => postQuery(gateway.url, query, variables),
      stop,
      [Symbol.asyncDispose]: stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
