import { PartialDateScalar, VndScalar } from "@khcn/shared";
import { GraphQLScalarType, type GraphQLSchema } from "graphql";

const CONTRACT_SCALARS = [PartialDateScalar, VndScalar];

/**
 * The supergraph names PartialDate and Vnd but carries no code for them: an engine built from it
 * takes any value for a variable and leaves the subgraph to refuse it (the directory's 400 reached a
 * client as INTERNAL_SERVER_ERROR "400: Bad Request"). This gives the engine's schema the contract's
 * input parsing, so `"2025-13-45"` for a PartialDate is the client's BAD_USER_INPUT, refused before
 * any subgraph is asked. Output values keep passing through: the province router checks them.
 */
export function applyContractScalars(schema: GraphQLSchema): GraphQLSchema {
  for (const scalar of CONTRACT_SCALARS) {
    const type = schema.getType(scalar.name);
    if (!(type instanceof GraphQLScalarType)) continue;
    Object.assign(type, { parseValue: scalar.parseValue, parseLiteral: scalar.parseLiteral });
  }
  return schema;
}
