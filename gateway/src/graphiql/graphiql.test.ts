import { access } from "node:fs/promises";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { composeCommittedSupergraph } from "../supergraph/compose-supergraph.ts";
import { graphiqlAssets } from "./graphiql-assets.ts";
import { loadExampleQueries } from "./load-examples.ts";
import { renderGraphiQLPage } from "./render-graphiql-page.ts";

const examples = await loadExampleQueries();

describe("the example queries GraphiQL opens with", () => {
  it("are the province-by-province ones and the national ones, in tab order", () => {
    expect(examples.map((e) => e.file)).toEqual([
      "1-comparative-dashboard.graphql",
      "2-qms-coverage.graphql",
      "3-budgets-by-phase-and-source.graphql",
      "4-key-tasks-due.graphql",
      "5-national-qms-coverage.graphql",
      "6-budget-by-funding-source.graphql",
      "7-units-after-the-merger.graphql",
    ]);
  });

  it.each(examples.map((e) => [e.file, e.query]))("%s is valid against the supergraph's API schema", async (_file, query) => {
    const { apiSchema } = await composeCommittedSupergraph();
    expect(validate(apiSchema, parse(query)).map((e) => e.message)).toEqual([]);
  });
});

describe("the GraphiQL page", () => {
  const page = renderGraphiQLPage({ endpoint: "/graphql", examples });

  it("loads every script and stylesheet from this server, never from a CDN", () => {
    const references = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(references.length).toBe(4);
    for (const reference of references) expect(reference).toMatch(/^\/graphiql\/assets\/[\w.-]+$/);
    expect(page).not.toMatch(/https?:\/\//);
  });

  it("serves files that exist in node_modules", async () => {
    for (const file of Object.values(graphiqlAssets)) await expect(access(file)).resolves.toBeUndefined();
  });

  it("carries the examples as tabs, safe inside a script element", () => {
    const tricky = renderGraphiQLPage({ endpoint: "/graphql", examples: [{ file: "x.graphql", query: '# </script><script>alert("x")\n{ provinces { id } }' }] });
    expect(tricky).not.toContain("</script><script>alert");
    expect(page).toContain("ComparativeDashboard");
  });
});
