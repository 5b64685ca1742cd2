import { type DocumentNode, Kind } from "graphql";
import { type GraphQLExchange, postGraphQL, type ProvinceRoute, type ProvinceRoutes } from "../province-router/index.ts";
import { resolveRoutes } from "../province-router/province-route.ts";
import { summarizeErrors } from "../province-router/post-graphql.ts";
import { diffProvinceSchema, type ProvinceSchemaDifference } from "./diff-province-schema.ts";
import { normalizeSubgraphSdl } from "./normalize-subgraph-sdl.ts";

/**
 * - `ok`: on the contract, or with safe changes only (listed in `changes`): routed.
 * - `drift`: a breaking change (`breaking`, summed up in `difference`): out of routing.
 * - `wrong-province`: the server answers for another province than the routing table's id: out of routing.
 * - `unreachable`: no answer, or none that says anything; the router's breaker decides at query time.
 */
export type ProvinceContractReport =
  | { province: ProvinceRoute; status: "ok"; changes?: string[] }
  | { province: ProvinceRoute; status: "unreachable"; reason: string }
  | { province: ProvinceRoute; status: "drift"; difference: string; breaking: string[]; changes?: string[] }
  | { province: ProvinceRoute; status: "wrong-province"; answersFor: string; reason: string };

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

const SDL_QUERY = "query __ProvinceContractCheck__ { _service { sdl } }";
// `thisProvince` is a root field of the province's own endpoint (@inaccessible in the supergraph).
const SDL_AND_IDENTITY_QUERY = "query __ProvinceContractCheck__ { _service { sdl } thisProvince { id } }";

/** Whether the contract has `Query.thisProvince`, by which a province says which one it serves. */
function hasThisProvince(contract: DocumentNode): boolean {
  return contract.definitions.some((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Query" && d.fields?.some((f) => f.name.value === "thisProvince"));
}

function readSdl(exchange: GraphQLExchange & { ok: true }): string | undefined {
  const sdl = (exchange.data?._service as { sdl?: unknown } | null | undefined)?.sdl;
  return typeof sdl === "string" ? sdl : undefined;
}

type Comparison = { parseError: string } | ProvinceSchemaDifference;

/** One comparison per distinct SDL text: the provinces serve the same contract, so 63 checks cost one diff. */
function createComparer(contract: DocumentNode): (sdl: string) => Promise<Comparison> {
  const bySdl = new Map<string, Promise<Comparison>>();
  return (sdl) => {
    let comparison = bySdl.get(sdl);
    if (!comparison) {
      comparison = (async () => {
        let served: DocumentNode;
        try {
          served = normalizeSubgraphSdl(sdl);
        } catch (error) {
          return { parseError: `the served SDL does not parse: ${(error as Error).message}` };
        }
        return diffProvinceSchema(contract, served);
      })();
      bySdl.set(sdl, comparison);
    }
    return comparison;
  };
}

async function checkOne(province: ProvinceRoute, compare: (sdl: string) => Promise<Comparison>, asksIdentity: boolean, timeoutMs: number): Promise<ProvinceContractReport> {
  let exchange = await postGraphQL(province.url, { query: asksIdentity ? SDL_AND_IDENTITY_QUERY : SDL_QUERY }, timeoutMs);
  if (!exchange.ok) return { province, status: "unreachable", reason: exchange.reason };
  const answersFor = (exchange.data?.thisProvince as { id?: unknown } | null | undefined)?.id;
  const identityErrors = summarizeErrors(exchange.errors);
  if (asksIdentity && readSdl(exchange) === undefined) {
    // A province that lacks `thisProvince` refuses the whole query; its SDL alone then says what it lacks.
    exchange = await postGraphQL(province.url, { query: SDL_QUERY }, timeoutMs);
    if (!exchange.ok) return { province, status: "unreachable", reason: exchange.reason };
  }
  const sdl = readSdl(exchange);
  if (sdl === undefined) {
    const detail = summarizeErrors(exchange.errors);
    return { province, status: "unreachable", reason: `no _service { sdl } in the answer${detail ? `: ${detail}` : ""}` };
  }
  if (typeof answersFor === "string" && answersFor !== province.id) {
    return { province, status: "wrong-province", answersFor, reason: `the server at this route answers for "${answersFor}", not "${province.id}"` };
  }
  const comparison = await compare(sdl);
  if ("parseError" in comparison) return { province, status: "drift", difference: comparison.parseError, breaking: [comparison.parseError] };
  const { breaking, safe } = comparison;
  const changes = safe.length > 0 ? { changes: safe } : {};
  if (breaking.length > 0) return { province, status: "drift", difference: summarize(breaking), breaking, ...changes };
  if (asksIdentity && typeof answersFor !== "string") {
    return { province, status: "unreachable", reason: `it did not say which province it serves${identityErrors ? `: ${identityErrors}` : ""}` };
  }
  return { province, status: "ok", ...changes };
}

/**
 * Reads every province's `_service { sdl }` in parallel, with `thisProvince { id }` when the
 * contract has it, and compares the SDL with the contract (both without federation's own
 * definitions) by @graphql-inspector/core's diff: `ok` (safe changes listed), `drift` (breaking
 * changes), `wrong-province` (the route leads to another province's server) or `unreachable`.
 * Run by the gateway at start and on a schedule.
 */
export async function checkProvinceContracts({ provinces, contractSdl, timeoutMs = 3000 }: CheckProvinceContractsOptions): Promise<ProvinceContractReport[]> {
  const contract = normalizeSubgraphSdl(contractSdl);
  const asksIdentity = hasThisProvince(contract);
  const compare = createComparer(contract);
  return Promise.all((await resolveRoutes(provinces)).map((province) => checkOne(province, compare, asksIdentity, timeoutMs)));
}
