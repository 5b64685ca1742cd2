import { openDatabase } from "../data-source.ts";
import { loadOnStart } from "../load-on-start.ts";
import type { HostedProvince } from "./start-province-host.ts";

/**
 * Migrates each hosted province's database and loads its files when asked, once, before the
 * workers start: workers that each found an empty database would all load it at the same time.
 */
export async function prepareHostedProvinces(provinces: readonly HostedProvince[]): Promise<void> {
  for (const province of provinces) {
    const dataSource = await openDatabase(province.database);
    try {
      await loadOnStart(dataSource, province);
    } finally {
      await dataSource.destroy();
    }
  }
}
