import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import * as queries from "../../../dashboard/src/api/queries.ts";
import { composeCommittedSupergraph } from "../supergraph/compose-supergraph.ts";

// The comparison page is a client of the public schema like any other: a renamed or removed field
// must fail here, not in a ministry officer's browser.
describe("the comparison page's queries", () => {
  it.each(Object.entries(queries))("%s is valid against the supergraph's API schema", async (_name, query) => {
    const { apiSchema } = await composeCommittedSupergraph();
    expect(validate(apiSchema, parse(query)).map((e) => e.message)).toEqual([]);
  });
});
