export { checkProvinceContracts, type CheckProvinceContractsOptions, type ProvinceContractReport } from "./check-province-contracts.ts";
export { diffProvinceSchema, type ProvinceSchemaDifference } from "./diff-province-schema.ts";
export { normalizeSubgraphSdl } from "./normalize-subgraph-sdl.ts";
