import "reflect-metadata";
import { writeFile } from "node:fs/promises";
import { contractPath, printProvinceContract } from "./contract.ts";

await writeFile(contractPath, await printProvinceContract());
console.log(`wrote ${contractPath}`);
