import { describe, expect, it } from "vitest";
import { diffProvinceSchema } from "./diff-province-schema.ts";
import { normalizeSubgraphSdl } from "./normalize-subgraph-sdl.ts";

const contract = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  scalar Vnd
  enum Phase { REQUESTED ALLOCATED }
  "A province"
  type Province @key(fields: "id") { id: ID! "in đồng" budget(year: Int): Vnd phase: Phase tasks: [String!] }
`;

/** The contract with `replace` applied, as a province might serve it. */
function served(search: string, replacement: string): string {
  const sdl = contract.replace(search, replacement);
  if (sdl === contract) throw new Error(`"${search}" is not in the contract`);
  return sdl;
}

async function classify(sdl: string) {
  return diffProvinceSchema(normalizeSubgraphSdl(contract), normalizeSubgraphSdl(sdl));
}

describe("classifying a province's schema against the contract", () => {
  it("finds nothing in the contract itself, whatever the order of its definitions and federation's own definitions", async () => {
    const reordered = `
      directive @key(fields: _FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
      scalar _FieldSet
      type Query { _service: _Service! _entities(representations: [_Any!]!): [_Entity]! }
      scalar _Any
      union _Entity = Province
      type _Service { sdl: String }
      "A province"
      type Province @key(fields: "id") { id: ID! "in đồng" budget(year: Int): Vnd phase: Phase tasks: [String!] }
      enum Phase { REQUESTED ALLOCATED }
      scalar Vnd
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    `;
    expect(await classify(reordered)).toEqual({ breaking: [], safe: [] });
  });

  it("keeps descriptions, added fields and added enum values as safe", async () => {
    const difference = await classify(served('"in đồng" budget(year: Int): Vnd', '"in đồng, as decided" budget(year: Int, phase: Phase): Vnd servedBy: String').replace("ALLOCATED }", "ALLOCATED DISBURSED }"));
    expect(difference.breaking).toEqual([]);
    expect(difference.safe).toEqual(
      expect.arrayContaining([
        "Field 'servedBy' was added to object type 'Province'",
        "Field 'Province.budget' description changed from 'in đồng' to 'in đồng, as decided'",
        "Argument 'phase: Phase' added to field 'Province.budget'",
        "Enum value 'DISBURSED' was added to enum 'Phase'",
      ]),
    );
  });

  it("breaks on a changed type, a removed field, a required argument", async () => {
    expect((await classify(served("): Vnd", "): Float"))).breaking).toEqual(["Field 'Province.budget' changed type from 'Vnd' to 'Float'"]);
    expect((await classify(served(" tasks: [String!]", ""))).breaking).toEqual(["Field 'tasks' was removed from object type 'Province'"]);
    expect((await classify(served("year: Int)", "year: Int!)"))).breaking).toEqual(["Type for argument 'year' on field 'Province.budget' changed from 'Int' to 'Int!'"]);
  });

  it("breaks on any change to an entity's @key, by which the router routes (inspector calls it merely dangerous)", async () => {
    expect((await classify(served('@key(fields: "id")', '@key(fields: "code") '))).breaking).not.toEqual([]);
    expect((await classify(served('@key(fields: "id")', ""))).breaking).not.toEqual([]);
  });
});
