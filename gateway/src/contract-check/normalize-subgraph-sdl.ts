import { type ConstDirectiveNode, type DefinitionNode, type DocumentNode, Kind, parse } from "graphql";

// What `_service { sdl }` adds to a subgraph's own SDL: federation's directive definitions, its
// scalars and types, the _entities/_service root fields, and `@link(url: ".../link/v1.0")` on a
// `schema` block (or on `extend schema` when the subgraph has no Query of its own).
const FEDERATION_TYPES = new Set(["_Any", "_Entity", "_Service", "_FieldSet"]);
const FEDERATION_FIELDS = new Set(["_entities", "_service"]);

function nameOf(definition: DefinitionNode): string | undefined {
  return "name" in definition ? definition.name?.value : undefined;
}

const LINK_SPEC = /^https:\/\/specs\.apollo\.dev\/link\//;

function isLinkSpec(directive: ConstDirectiveNode): boolean {
  const url = directive.arguments?.find((a) => a.name.value === "url")?.value;
  return directive.name.value === "link" && url?.kind === Kind.STRING && LINK_SPEC.test(url.value);
}

function isFederationPlumbing(definition: DefinitionNode): boolean {
  if (definition.kind === Kind.DIRECTIVE_DEFINITION || definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION) return true;
  const name = nameOf(definition);
  return name !== undefined && (FEDERATION_TYPES.has(name) || name.startsWith("link__") || name.startsWith("federation__"));
}

/**
 * A subgraph SDL reduced to what its authors wrote, parsed and ready to `print`: the same
 * whether it comes from printSubgraphSchema (the committed contract) or from `_service { sdl }`.
 * Definitions are sorted, since their order means nothing; the order inside one is kept.
 */
export function normalizeSubgraphSdl(sdl: string): DocumentNode {
  const document = parse(sdl);
  // The schema's directives (its @link imports) are kept, as one `extend schema`, wherever they were written.
  const schemaDirectives = document.definitions
    .flatMap((d) => (d.kind === Kind.SCHEMA_DEFINITION || d.kind === Kind.SCHEMA_EXTENSION ? (d.directives ?? []) : []))
    .filter((d) => !isLinkSpec(d));
  const schema: DefinitionNode[] = schemaDirectives.length > 0 ? [{ kind: Kind.SCHEMA_EXTENSION, directives: schemaDirectives }] : [];
  const definitions = [...schema, ...document.definitions.filter((d) => !isFederationPlumbing(d))]
    .map((d) => (d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Query" ? { ...d, fields: d.fields?.filter((f) => !FEDERATION_FIELDS.has(f.name.value)) } : d))
    .filter((d) => !(d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Query" && !d.fields?.length))
    .sort((a, b) => (labelOf(a) < labelOf(b) ? -1 : labelOf(a) > labelOf(b) ? 1 : 0));
  return { ...document, definitions };
}

const LABELS: Partial<Record<Kind, string>> = {
  [Kind.OBJECT_TYPE_DEFINITION]: "type",
  [Kind.INTERFACE_TYPE_DEFINITION]: "interface",
  [Kind.INPUT_OBJECT_TYPE_DEFINITION]: "input",
  [Kind.ENUM_TYPE_DEFINITION]: "enum",
  [Kind.UNION_TYPE_DEFINITION]: "union",
  [Kind.SCALAR_TYPE_DEFINITION]: "scalar",
  [Kind.SCHEMA_EXTENSION]: "extend schema",
};

function labelOf(definition: DefinitionNode): string {
  const label = LABELS[definition.kind] ?? definition.kind;
  const name = nameOf(definition);
  return name ? `${label} ${name}` : label;
}
