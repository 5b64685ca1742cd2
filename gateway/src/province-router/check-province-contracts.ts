import type { DocumentNode } from "graphql";
import { describeSdlDifference, normalizeSubgraphSdl } from "./compare-sdl.ts";
import { type ProvinceRoute, type ProvinceRoutes, resolveRoutes } from "./province-route.ts";
import { postGraphQL, summarizeErrors } from "./post-graphql.ts";

export type ProvinceContractReport =
  | { province: ProvinceRoute; status: "ok" }
  | { province: ProvinceRoute; status: "unreachable"; reason: string }
  | { province: ProvinceRoute; status: "drift"; difference: string };

export interface CheckProvinceContractsOptions {
  /** The routing table, or a function returning the current one. */
  provinces: ProvinceRoutes;
  /** The committed contract, subgraphs/province/schema.graphql. */
  contractSdl: string;
  /** How long each province has to answer, in milliseconds (3000 by default). */
  timeoutMs?: number;
}

const SHOWN = 5;

function summarize(differences: readonly string[]): string {
  const shown = differences.slice(0, SHOWN).join("; ");
  return differences.length > SHOWN ? `${shown}; and ${differences.length - SHOWN} more` : shown;
}

async function checkOne(province: ProvinceRoute, contract: DocumentNode, timeoutMs: number): Promise<ProvinceContractReport> {
  const exchange = await postGraphQL(province.url, { query: "query __ProvinceContractCheck__ { _service { sdl } }" }, timeoutMs);
  if (!exchange.ok) return { province, status: "unreachable", reason: exchange.reason };
  const sdl = (exchange.data?._service as { sdl?: unknown } | null | undefined)?.sdl;
  if (typeof sdl !== "string") {
    const detail = summarizeErrors(exchange.errors);
    return { province, status: "unreachable", reason: `no _service { sdl } in the answer${detail ? `: ${detail}` : ""}` };
  }
  let served: DocumentNode;
  try {
    served = normalizeSubgraphSdl(sdl);
  } catch (error) {
    return { province, status: "drift", difference: `the served SDL does not parse: ${(error as Error).message}` };
  }
  const differences = describeSdlDifference(contract, served);
  return differences.length === 0 ? { province, status: "ok" } : { province, status: "drift", difference: summarize(differences) };
}

/**
 * Reads every province's `_service { sdl }` in parallel and compares it with the contract (both
 * normalised: federation's own definitions dropped, then each definition parsed and printed): `ok`, `drift` with
 * what differs, or `unreachable` with why. Run by the gateway at start and on a schedule.
 */
export async function checkProvinceContracts({ provinces, contractSdl, timeoutMs = 3000 }: CheckProvinceContractsOptions): Promise<ProvinceContractReport[]> {
  const contract = normalizeSubgraphSdl(contractSdl);
  return Promise.all((await resolveRoutes(provinces)).map((province) => checkOne(province, contract, timeoutMs)));
}

