import { mkdir, stat, symlink } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateSyntheticProvince } from "../../subgraphs/province/src/synthetic/generate-synthetic-province.ts";

const realDataRoot = fileURLToPath(new URL("../../subgraphs/province/data/", import.meta.url));

/** The heavy neighbour: a synthetic province with 8,000 tasks (SYNTHETIC in every file). */
export const heavyProvinceId = "synthetic-heavy";

/**
 * A data root for the multi-province host (HOST_DATA_ROOT): Lạng Sơn's committed files beside a
 * synthetic province of `tasks` tasks. Written once per folder; a second call reuses it.
 */
export async function prepareHeavyHostData(dir: string, tasks = 8000): Promise<{ dataRoot: string; sqliteDir: string }> {
  const dataRoot = join(dir, "data");
  const sqliteDir = join(dir, "db");
  await mkdir(dataRoot, { recursive: true });
  const exists = (path: string) => stat(path).then(() => true, () => false);
  if (!(await exists(join(dataRoot, "lang-son")))) await symlink(join(realDataRoot, "lang-son"), join(dataRoot, "lang-son"));
  if (!(await exists(join(dataRoot, heavyProvinceId, "tasks.csv")))) {
    await generateSyntheticProvince(join(dataRoot, heavyProvinceId), { provinceId: heavyProvinceId, tasks, seed: 1 });
  }
  return { dataRoot, sqliteDir };
}

const taskFields = "id year kind title leadUnit outputs totalCostVnd status funding { fundingSource amountVnd source { section quote document { id } } evidence { quote } } source { section quote document { id } } evidence { quote }";

/** Several pages of 1,000 tasks, each with its funding and sources, asked as aliases in one request. */
export function heavyQuery(aliases = 3): string {
  const pages = Array.from({ length: aliases }, (_, i) => `p${i}: tasks(limit: 1000, offset: ${i * 1000}) { ...T }`).join(" ");
  return `query Heavy { thisProvince { id ${pages} } } fragment T on Task { ${taskFields} }`;
}

/** What a dashboard asks of a small province: next to nothing. */
export const trivialQuery = "query Trivial { thisProvince { id taskCount } }";

export interface Answer {
  status: number;
  body: { data?: { thisProvince?: Record<string, unknown> | null } | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

export async function ask(url: string, query: string): Promise<Answer> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}
