import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { composeCommittedSupergraph } from "../supergraph/compose-supergraph.ts";
import { graphiqlAssets, robotoMono } from "./graphiql-assets.ts";
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

  it("loads every script, stylesheet and font from this server, never from a CDN", () => {
    const references = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    // GraphiQL's stylesheet, Roboto Mono's three weights (each names its font files itself), React, ReactDOM and GraphiQL.
    expect(references).toEqual([
      "/graphiql/assets/graphiql.min.css",
      "/graphiql/assets/roboto-mono/400.css",
      "/graphiql/assets/roboto-mono/500.css",
      "/graphiql/assets/roboto-mono/700.css",
      "/graphiql/assets/react.production.min.js",
      "/graphiql/assets/react-dom.production.min.js",
      "/graphiql/assets/graphiql.min.js",
    ]);
    expect(page).not.toMatch(/https?:\/\//);
  });

  it("serves files that exist in node_modules", async () => {
    for (const file of [...Object.values(graphiqlAssets), ...Object.values(robotoMono.stylesheets)]) await expect(access(file)).resolves.toBeUndefined();
  });

  it("sets GraphiQL's fonts to Roboto Mono, whose stylesheets name a Vietnamese subset in files this server has", async () => {
    expect(page).toContain('--font-family-mono: "Roboto Mono", monospace;');
    expect(page).toContain('--font-family: "Roboto", "Roboto Mono", sans-serif;');
    for (const [name, file] of Object.entries(robotoMono.stylesheets)) {
      const css = await readFile(file, "utf8");
      const urls = [...css.matchAll(/url\(\.\/files\/([\w.-]+)\)/g)].map((m) => m[1]!);
      expect(urls, name).toContain(`roboto-mono-vietnamese-${name.replace(".css", "")}-normal.woff2`);
      for (const url of urls) await expect(access(join(robotoMono.filesDir, url))).resolves.toBeUndefined();
    }
  });

  it("carries the examples as tabs, safe inside a script element", () => {
    const tricky = renderGraphiQLPage({ endpoint: "/graphql", examples: [{ file: "x.graphql", query: '# </script><script>alert("x")\n{ provinces { id } }' }] });
    expect(tricky).not.toContain("</script><script>alert");
    expect(page).toContain("ComparativeDashboard");
  });
});
