import { type DocumentNode, type FieldNode, Kind, type OperationDefinitionNode, parse, print } from "graphql";

export interface EntitiesOperation {
  kind: "entities";
  /** The query text to send on, as the gateway wrote it. */
  query: string;
  /** Where the entities go in `data`: `_entities`, or its alias. */
  responseKey: string;
  /** The variable holding the representations (the gateway calls it `representations`). */
  variableName: string;
  representations: readonly unknown[];
  /** The parsed query, its operation and its `_entities` field, for the answer's validator. */
  document: DocumentNode;
  operation: OperationDefinitionNode;
  field: FieldNode;
}

export interface UnsupportedOperation {
  kind: "unsupported";
  reason: string;
}

/**
 * Reads the one shape of operation the router can split by province: a query whose only root field
 * is `_entities(representations: $variable)`. Anything else (a root field of the province subgraph,
 * a mutation) has no province to route to, and none exists in the supergraph (DESIGN rule 3).
 */
export function readEntitiesOperation(
  request: { query?: string; operationName?: string; variables?: Record<string, unknown> },
  document?: DocumentNode,
): EntitiesOperation | UnsupportedOperation {
  const unsupported = (reason: string): UnsupportedOperation => ({ kind: "unsupported", reason });
  if (!document) {
    if (!request.query) return unsupported("the request has no query");
    try {
      document = parse(request.query);
    } catch (error) {
      return unsupported(`the query does not parse: ${(error as Error).message}`);
    }
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = request.operationName ? operations.find((o) => o.name?.value === request.operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return unsupported(request.operationName ? `the document has no operation "${request.operationName}"` : "the document must hold exactly one operation");
  if (operation.operation !== "query") return unsupported(`a ${operation.operation} cannot be routed to a province: writes go to a province's own endpoint`);

  const [field, ...others] = operation.selectionSet.selections;
  if (!field || others.length > 0 || field.kind !== Kind.FIELD || field.name.value !== "_entities") {
    const names = operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : `...${s.kind === Kind.FRAGMENT_SPREAD ? s.name.value : "inline fragment"}`));
    return unsupported(`only _entities can be routed by province, and the province subgraph has no other public root field; the query selects ${names.join(", ")}`);
  }
  const argument = field.arguments?.find((a) => a.name.value === "representations");
  if (argument?.value.kind !== Kind.VARIABLE) return unsupported("_entities must take its representations from a variable");
  const variableName = argument.value.name.value;
  const representations = request.variables?.[variableName];
  if (!Array.isArray(representations)) return unsupported(`the variable $${variableName} must be a list of representations`);
  return { kind: "entities", query: request.query ?? print(document), responseKey: field.alias?.value ?? field.name.value, variableName, representations, document, operation, field };
}
