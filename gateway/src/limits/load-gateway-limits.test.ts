import { defaultOperationLimits, OperationLimitError } from "@khcn/shared";
import { buildSchema, getIntrospectionQuery, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import * as dashboardQueries from "../../../dashboard/src/api/queries.ts";
import { NATIONAL_FIGURE_EXPORT_QUERY } from "../export/national-figure-to-rows.ts";
import { loadExampleQueries } from "../graphiql/load-examples.ts";
import { createOperationLimitRules, pickRefusal } from "./create-operation-limit-rules.ts";
import { createFanOutCostRule } from "./fan-out-cost-rule.ts";
import { defaultGatewayLimits, loadGatewayLimits } from "./load-gateway-limits.ts";

// armor's rules count the document, not the types: any schema serves for validate().
const anySchema = buildSchema("type Query { _: Int }");
const rules = createOperationLimitRules(defaultGatewayLimits);

function refusalOf(query: string) {
  const refusal = pickRefusal(validate(anySchema, parse(query), rules));
  return refusal && { code: refusal.extensions.code, message: refusal.message };
}

/** The fan-out cost armor finds, read from its refusal at a budget of 0. */
function costOf(query: string, fanOut = defaultGatewayLimits.costFanOut): number {
  let found = 0; // introspection is free
  const rule = createFanOutCostRule({ fanOut, maxCost: 0, propagateOnRejection: false, onReject: [(_context, error) => (found = Number(/found ([\d.]+)\.$/.exec(error.message)![1]))] });
  validate(anySchema, parse(query), [rule]);
  return found;
}

const tasks = "tasks { id title kind status dueDate leadUnit source { section quote document { number } } }";
const aliased = (n: number, selection: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${selection}`).join(" ")} }`;

describe("the gateway's limits let every legitimate operation through", async () => {
  const legitimate: [string, string][] = [
    ...(await loadExampleQueries()).map((e): [string, string] => [`GraphiQL's ${e.file}`, e.query]),
    ...Object.entries(dashboardQueries).map(([name, query]): [string, string] => [`the dashboard's ${name}`, query]),
    ["the CSV export's national figure", NATIONAL_FIGURE_EXPORT_QUERY],
    ["GraphiQL's introspection", getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true })],
  ];

  it.each(legitimate)("%s passes", (_name, query) => {
    expect(refusalOf(query)).toBeUndefined();
  });

  it("leaves the heaviest of them at half the cost budget or less", () => {
    const heaviest = Math.max(...legitimate.map(([, query]) => costOf(query)));
    // GraphiQL's budget by funding source (three national figures): 49,629.
    expect(heaviest).toBeGreaterThan(40_000);
    expect(heaviest).toBeLessThanOrEqual(defaultGatewayLimits.maxCost / 2);
  });
});

describe("the fan-out cost", () => {
  it("counts a field under provinces once per unit the directory lists", () => {
    const one = costOf("{ province(id: \"long-an\") { tasks { id } } }");
    const all = costOf("{ provinces { tasks { id } } }");
    expect(all).toBe(one * 86);
    expect(costOf("{ provinces { tasks { id } } }", 34)).toBe(one * 34);
  });

  it("counts nationalFigure once per unit, and a fragment's fields where it is spread", () => {
    expect(costOf('{ nationalFigure(measure: "m", year: 2024) { year } }')).toBe(costOf('{ measure(code: "m") { code } }') * 86);
    expect(costOf("{ provinces { ...P } } fragment P on Province { tasks { id } }")).toBeGreaterThan(costOf("{ provinces { tasks { id } } }"));
  });

  it("refuses a dozen comparative queries in one, naming the budget", async () => {
    const comparative = (await loadExampleQueries()).find((e) => e.file.startsWith("1-"))!.query;
    const selection = /provinces \{[\s\S]*\}\s*\}\s*$/.exec(comparative)![0].replace(/\}\s*$/, "");
    expect(refusalOf(aliased(8, selection))).toBeUndefined();
    expect(refusalOf(aliased(12, selection))).toEqual({ code: "MAX_COST_EXCEEDED", message: expect.stringMatching(/^Query Cost limit of 100000 exceeded, found \d+/) });
  });

  it("refuses 28 aliases of provinces { tasks { … } } by cost, under the aliases limit", () => {
    expect(refusalOf(aliased(28, `provinces { ${tasks} }`))).toMatchObject({ code: "MAX_COST_EXCEEDED" });
  });
});

describe("the attacks, refused with the cause named", () => {
  it("32 levels of predecessors { successor { … } }: depth", () => {
    expect(refusalOf(`{ provinces { ${"predecessors { successor { ".repeat(16)}id${" } }".repeat(16)} } }`)).toEqual({ code: "MAX_DEPTH_EXCEEDED", message: "Query depth limit of 11 exceeded, found 34." });
  });

  it("fragments spreading fragments (exponential when expanded): depth, not the cost it adds up to", () => {
    const levels = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Province { id ...F${i + 1} ...G${i + 1} } fragment G${i} on Province { name ...F${i + 1} ...G${i + 1} }`);
    const query = `{ provinces { ...F0 } } ${levels.join(" ")} fragment F30 on Province { id } fragment G30 on Province { id }`;
    expect(query.length).toBeLessThan(3000);
    const started = performance.now();
    expect(refusalOf(query)).toMatchObject({ code: "MAX_DEPTH_EXCEEDED" });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("100 aliases: aliases, one error for all the limits it breaks", () => {
    const errors = validate(anySchema, parse(aliased(100, `provinces { ${tasks} }`)), rules);
    expect(errors.length).toBeGreaterThan(1); // aliases and cost
    expect(pickRefusal(errors)).toBeInstanceOf(OperationLimitError);
    expect(pickRefusal(errors)!.extensions).toMatchObject({ code: "MAX_ALIASES_EXCEEDED", limit: 30 });
  });
});

describe("loadGatewayLimits", () => {
  it("keeps the subgraphs' names and defaults but depth and cost", () => {
    const limits = loadGatewayLimits({});
    expect(limits).toEqual({ ...defaultOperationLimits, maxDepth: 11, maxCost: 100_000, costFanOut: 86 });
    // A province gets the client's selection one level deeper: what passes here passes there.
    expect(limits.maxDepth).toBe(defaultOperationLimits.maxDepth - 1);
  });

  it("reads the same variables as every subgraph", () => {
    expect(loadGatewayLimits({ GRAPHQL_MAX_TOKENS: "500", GRAPHQL_MAX_DEPTH: "6", GRAPHQL_MAX_ALIASES: "3", GRAPHQL_MAX_DIRECTIVES: "2", GRAPHQL_MAX_COST: "9", GRAPHQL_COST_FAN_OUT: "63" })).toMatchObject({
      maxTokens: 500,
      maxDepth: 6,
      maxAliases: 3,
      maxDirectives: 2,
      maxCost: 9,
      costFanOut: 63,
    });
    expect(() => loadGatewayLimits({ GRAPHQL_MAX_DEPTH: "0" })).toThrow("GRAPHQL_MAX_DEPTH must be between 1 and");
  });
});
