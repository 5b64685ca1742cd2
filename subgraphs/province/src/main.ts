import "reflect-metadata";
import { loadProvinceConfig } from "./config.ts";
import { describeDatabase } from "./data-source.ts";
import { startProvinceSubgraph } from "./start-province-subgraph.ts";

const config = loadProvinceConfig();
const province = await startProvinceSubgraph(config);
console.log(`province ${config.provinceId}: ${province.url} (database ${describeDatabase(config.database)})`);
if (province.imported) console.log(`province ${config.provinceId}: loaded ${config.dataDir}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void province.stop().then(() => process.exit(0));
  });
}
