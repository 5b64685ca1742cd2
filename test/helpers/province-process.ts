import { fileURLToPath } from "node:url";
import { type ServiceProcess, startServiceProcess } from "./service-process.ts";

const provincePackage = fileURLToPath(new URL("../../subgraphs/province/", import.meta.url));

export interface ProvinceProcessOptions {
  provinceId: string;
  sqliteFile: string;
  /** The province's CSV folder; its committed one by default. */
  dataDir?: string;
  /** A free one by default; the same one to bring a killed province back at its URL. */
  port?: number;
}

export interface ProvinceProcess extends ServiceProcess {
  provinceId: string;
  /** The province's GraphQL endpoint. */
  url: string;
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
