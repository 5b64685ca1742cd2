import { loadExampleQueries } from "@khcn/gateway";
import { defaultOperationLimits, protectOperationLimits } from "@khcn/shared";
import { buildSchema, Kind, parse, print, type SelectionSetNode, validate } from "graphql";
import { describe, expect, it } from "vitest";

// The limits apply to the gateway's Apollo engine (built with createGraphQLHttpServer) and to every
// subgraph. A province receives a client's selection under `_entities(…) { … on Province { … } }`:
// one level deeper than the client's `provinces { … }`. So every example must pass the limits at the
// gateway, and again when its selection under `provinces` is sent on as a province fetch.

const { validationRules, parseOptions } = protectOperationLimits(defaultOperationLimits);
// graphql-armor's rules count the document, not the types: any schema serves for validate().
const anySchema = buildSchema("type Query { _: Int }");

function limitErrors(query: string): string[] {
  let document;
  try {
    document = parse(query, parseOptions);
  } catch (error) {
    return [(error as Error).message];
  }
  return validate(anySchema, document, validationRules).map((e) => `${String(e.extensions.code)}: ${e.message}`);
}

/** The province fetch the gateway makes for a query's `provinces { … }`, as the router sends it. */
function provinceFetchOf(query: string): string | undefined {
  const document = parse(query);
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => print(d));
  let found: SelectionSetNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind === Kind.FIELD && selection.name.value === "provinces" && selection.selectionSet) found = selection.selectionSet;
    }
  }
  if (!found) return undefined;
  return `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Province ${print(found)} } }\n${fragments.join("\n")}`;
}

describe("the operation limits let every legitimate operation through", async () => {
  const examples = await loadExampleQueries();

  it.each(examples.map((e) => [e.file, e.query]))("GraphiQL's %s passes at the gateway", (_file, query) => {
    expect(limitErrors(query)).toEqual([]);
  });

  it.each(examples.map((e) => [e.file, provinceFetchOf(e.query)]).filter(([, fetch]) => fetch))("GraphiQL's %s passes as a province fetch", (_file, fetch) => {
    expect(limitErrors(fetch!)).toEqual([]);
  });

  it("sees the examples that ask provinces, so the check above is not empty", () => {
    expect(examples.filter((e) => provinceFetchOf(e.query)).length).toBeGreaterThanOrEqual(3);
  });

  it("passes the contract check's query", () => {
    expect(limitErrors("{ _service { sdl } }")).toEqual([]);
  });

  it("would see a query over a limit, so passing means something", () => {
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: provinces { id }`).join(" ")} }`;
    expect(limitErrors(aliases)).toEqual([expect.stringMatching(/^MAX_ALIASES_EXCEEDED: Aliases limit of 30 exceeded/)]);
  });
});
