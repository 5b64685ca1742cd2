import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { composeCommittedSupergraph, composeSupergraph, CompositionError } from "./compose-supergraph.ts";
import { readCommittedSupergraph } from "./read-supergraph.ts";
import { subgraphSdlPaths } from "./subgraph-sources.ts";

describe("the committed supergraph", () => {
  it("is what the committed subgraph SDLs compose to (else: npm run supergraph -w @khcn/gateway)", async () => {
    // Throws CompositionError, listing every composition error, when the SDLs no longer compose.
    const { text } = await composeCommittedSupergraph();
    expect(await readCommittedSupergraph()).toBe(text);
  });

  it("gives clients the directory's entry points, the national ones, and the province's figures on one Province", async () => {
    const { apiSchema } = await composeCommittedSupergraph();
    expect(Object.keys(apiSchema.getQueryType()?.getFields() ?? {}).sort()).toEqual(["measure", "measureCatalogue", "nationalFigure", "province", "provinces"]);
    const province = apiSchema.getType("Province");
    expect(province && "getFields" in province ? Object.keys(province.getFields()) : []).toEqual(
      expect.arrayContaining(["id", "name", "gsoCode", "successor", "qmsCoverage", "budgets", "tasks", "indicators", "documents"]),
    );
  });
});

describe("a supergraph that does not compose", () => {
  it("fails with the composition errors, not a stack trace about a missing file", async () => {
    const [directory, national] = await Promise.all([readFile(subgraphSdlPaths.directory, "utf8"), readFile(subgraphSdlPaths.national, "utf8")]);
    // A province subgraph that redefines the directory's entry point with another type.
    const province = `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Query { provinces: [String] }
      type Province @key(fields: "id") { id: ID! budget: Float }
    `;
    let failure: unknown;
    try {
      composeSupergraph({ directory, province, national });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(CompositionError);
    expect((failure as CompositionError).errors.length).toBeGreaterThan(0);
    expect((failure as CompositionError).message).toMatch(/Query\.provinces/);
  });
});
