import type { DataSource } from "typeorm";
import { createLoaders, type Loaders } from "./loaders.ts";

export interface ProvinceContext {
  /** The one province this subgraph serves. */
  provinceId: string;
  dataSource: DataSource;
  loaders: Loaders;
}

export function createContext(provinceId: string, dataSource: DataSource): ProvinceContext {
  return { provinceId, dataSource, loaders: createLoaders(dataSource) };
}
