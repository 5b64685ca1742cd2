import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startServiceProcess } from "./service-process.ts";

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
export async function startProvinceProcess({ provinceId, sqliteFile, dataDir, port }: ProvinceProcessOptions): Promise<ProvinceProcess> {
  const service = await startServiceProcess({
    label: `province ${provinceId}`,
    cwd: provincePackage,
    entry: "src/main.ts",
    env: { PROVINCE_ID: provinceId, SQLITE_FILE: sqliteFile, ...(dataDir ? { PROVINCE_DATA_DIR: dataDir } : {}) },
    healthPath: "/health",
    port,
  });
  return { provinceId, url: `${service.origin}/graphql`, ...service };
}
