import { fileURLToPath } from "node:url";

/** The province package's folder, whatever the working directory. */
export const packageDir = fileURLToPath(new URL("..", import.meta.url));

export function defaultDataDir(provinceId: string): string {
  return fileURLToPath(new URL(`../data/${provinceId}`, import.meta.url));
}

export function defaultSqliteFile(provinceId: string): string {
  return fileURLToPath(new URL(`../.data/${provinceId}.sqlite`, import.meta.url));
}
