import { type Change, CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildASTSchema, type DocumentNode, type GraphQLSchema } from "graphql";

/** How a province's schema differs from the contract, as @graphql-inspector/core classifies each change. */
export interface ProvinceSchemaDifference {
  /** Changes that break what the gateway plans against the contract: the province is taken out of routing. */
  breaking: string[];
  /** Changes the gateway can live with (descriptions, additions; inspector's "dangerous" ones such as a new enum value): reported only. */
  safe: string[];
}

/**
 * Both sides come without federation's own definitions (normalizeSubgraphSdl), so the directives
 * they use (@key, @inaccessible, ...) have no definition: the SDL is taken as valid as it is.
 */
function buildSubgraphSchemaForDiff(document: DocumentNode): GraphQLSchema {
  return buildASTSchema(document, { assumeValidSDL: true });
}

/**
 * Federation's rule on top of inspector's: the router routes by an entity's key, so any change to
 * a `@key` (inspector calls an argument change of a directive usage merely "dangerous") is breaking.
 */
function isBreaking(change: Change): boolean {
  if (change.criticality.level === CriticalityLevel.Breaking) return true;
  return change.type.startsWith("DIRECTIVE_USAGE") && (change.path?.includes("@key") === true || /'@?key'/.test(change.message));
}

/**
 * Compares a province's served schema with the contract, the contract being the "old" schema: a
 * change is breaking when a query the gateway plans against the contract could fail on the
 * province, or could bring back a value of another type (a `Float` where the contract has `Vnd`).
 */
export async function diffProvinceSchema(contract: DocumentNode, served: DocumentNode): Promise<ProvinceSchemaDifference> {
  const changes = await diff(buildSubgraphSchemaForDiff(contract), buildSubgraphSchemaForDiff(served));
  const difference: ProvinceSchemaDifference = { breaking: [], safe: [] };
  for (const change of changes) (isBreaking(change) ? difference.breaking : difference.safe).push(change.message);
  return difference;
}
