import { buildSubgraphSchema } from "@apollo/subgraph";
import { isPartialDate } from "@khcn/shared";
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type InlineFragmentNode,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  type SelectionNode,
  type SelectionSetNode,
  validate,
} from "graphql";
import { sanitizeProvinceText } from "./sanitize-province-error.ts";

/** The private aliases under which the router asks every entity for its `__typename` and `id`, stripped before merging. */
export const ROUTER_TYPENAME_ALIAS = "khcnRouter__typename";
export const ROUTER_ID_ALIAS = "khcnRouter__id";
const SHOWN_AS: Record<string, string> = { [ROUTER_TYPENAME_ALIAS]: "__typename", [ROUTER_ID_ALIAS]: "id" };

/**
 * The province contract as a schema to validate against: the committed SDL with federation's
 * definitions (`_entities`, `_Any`, `_Entity`), as a province serves it.
 */
export function buildContractSchema(contractSdl: string): GraphQLSchema {
  return buildSubgraphSchema(parse(contractSdl));
}

interface ScalarRule {
  accepts(value: unknown): boolean;
  /** What a value must be, after "is not". */
  label: string;
}

const INT_MAX = 2 ** 31 - 1;

/**
 * What each scalar of the contract may be in JSON. An ID is a string (graphql-js serialises every
 * ID as one), a Vnd a safe whole number (shared/scalars.ts). A custom scalar not listed here would
 * be taken as any JSON value; the contract has none.
 */
const SCALAR_RULES: Record<string, ScalarRule> = {
  Int: { accepts: (v) => typeof v === "number" && Number.isInteger(v) && v >= -INT_MAX - 1 && v <= INT_MAX, label: "an Int (a whole number within ±2^31)" },
  Float: { accepts: (v) => typeof v === "number" && Number.isFinite(v), label: "a Float" },
  String: { accepts: (v) => typeof v === "string", label: "a String" },
  Boolean: { accepts: (v) => typeof v === "boolean", label: "a Boolean" },
  ID: { accepts: (v) => typeof v === "string", label: "an ID (a string)" },
  Vnd: { accepts: (v) => typeof v === "number" && Number.isSafeInteger(v), label: "a Vnd (a whole number of đồng)" },
  PartialDate: { accepts: (v) => typeof v === "string" && isPartialDate(v), label: "a PartialDate (YYYY, YYYY-MM or YYYY-MM-DD)" },
};
const ANY_JSON: ScalarRule = { accepts: () => true, label: "JSON" };

/** What one position of the answer may hold; compiled once per query text. */
type TypePlan = { nullable: boolean; label: string } & (
  | { kind: "list"; of: TypePlan }
  | { kind: "scalar"; rule: ScalarRule }
  | { kind: "enum"; name: string; values: ReadonlySet<string> }
  | { kind: "typename"; name: string }
  | { kind: "object"; plan: ObjectPlan }
  | { kind: "abstract"; name: string; plans: ReadonlyMap<string, ObjectPlan> }
);

interface FieldPlan {
  type: TypePlan;
  /** Under @skip or @include: it may be absent. */
  optional: boolean;
}

interface ObjectPlan {
  typeName: string;
  /** By response key (alias or name): every key the answer may hold. */
  fields: ReadonlyMap<string, FieldPlan>;
  /** How many of `fields` must be there. */
  required: number;
}

/** What was wrong and where, the path from the entity down. */
interface Violation {
  path: (string | number)[];
  message: string;
}

/** A value as a violation's message shows it: numbers as they are, text sanitized and short, structures by kind. */
function show(value: unknown): string {
  if (value === null || typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(sanitizeProvinceText(value, 40));
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : typeof value;
}

function checkObject(value: unknown, plan: ObjectPlan): Violation | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { path: [], message: `${show(value)} is not an object of type ${plan.typeName}` };
  const object = value as Record<string, unknown>;
  let present = 0;
  for (const key in object) {
    const field = plan.fields.get(key);
    if (!field) return { path: [key], message: "a field the query does not select" };
    if (!field.optional) present++;
    const violation = checkValue(object[key], field.type);
    if (violation) {
      violation.path.unshift(key);
      return violation;
    }
  }
  if (present !== plan.required) {
    for (const [key, field] of plan.fields) if (!field.optional && !Object.hasOwn(object, key)) return { path: [key], message: "missing, though the query selects it" };
  }
  return undefined;
}

function checkValue(value: unknown, type: TypePlan): Violation | undefined {
  if (value === null) return type.nullable ? undefined : { path: [], message: `null where the contract has ${type.label}` };
  switch (type.kind) {
    case "scalar":
      return type.rule.accepts(value) ? undefined : { path: [], message: `${show(value)} is not ${type.rule.label}` };
    case "enum":
      return typeof value === "string" && type.values.has(value) ? undefined : { path: [], message: `${show(value)} is not a ${type.name} (${[...type.values].join(", ")})` };
    case "typename":
      return value === type.name ? undefined : { path: [], message: `${show(value)} where the type is ${type.name}` };
    case "object":
      return checkObject(value, type.plan);
    case "abstract": {
      const typename = (value as { __typename?: unknown } | undefined)?.__typename;
      const plan = typeof typename === "string" ? type.plans.get(typename) : undefined;
      return plan ? checkObject(value, plan) : { path: [], message: `${show(value)} does not name its type (__typename) among those of ${type.name}` };
    }
    case "list": {
      if (!Array.isArray(value)) return { path: [], message: `${show(value)} is not a list (${type.label})` };
      for (let i = 0; i < value.length; i++) {
        const violation = checkValue(value[i], type.of);
        if (violation) {
          violation.path.unshift(i);
          return violation;
        }
      }
      return undefined;
    }
  }
}

function formatPath(path: readonly (string | number)[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += `${text ? "." : ""}${SHOWN_AS[segment] ?? segment}`;
  }
  return text;
}

/** Reads every entity of one province's answer; compiled once per query text by `compileAnswerValidator`. */
export interface AnswerValidator {
  kind: "validator";
  /** The query to send the provinces: the planner's, with the router's private aliases for `__typename` and `id`. */
  query: string;
  /**
   * Checks one entity against the contract and the representation it answers (`__typename` and
   * `id`), in one walk over the entity: undefined when it holds, else what was wrong and where,
   * e.g. `budgets[3].amountVnd: 41612000000.5 is not a Vnd (a whole number of đồng)`. A null entity holds.
   */
  check(entity: unknown, representation: { __typename?: unknown; id?: unknown }): string | undefined;
  /** Removes the router's private aliases from a checked entity, before it is merged. */
  strip(entity: unknown): void;
}

/** A query the router will not send: it does not validate against the contract, so no answer to it could be checked. */
export interface RefusedQuery {
  kind: "refused";
  reason: string;
}

function hasCondition(node: SelectionNode): boolean {
  return node.directives?.some((d) => d.name.value === "skip" || d.name.value === "include") ?? false;
}

interface CollectedField {
  fieldName: string;
  selectionSets: SelectionSetNode[];
  optional: boolean;
}

function typeLabel(type: GraphQLOutputType): string {
  return String(type);
}

/** Compiles the plans of one query: which keys each object of the answer may hold and what each may be. */
function createPlanner(schema: GraphQLSchema, fragments: ReadonlyMap<string, FragmentDefinitionNode>) {
  const applies = (condition: string | undefined, type: GraphQLObjectType): boolean => {
    if (!condition || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return conditionType !== undefined && isAbstractType(conditionType) && schema.isSubType(conditionType, type);
  };

  const collect = (type: GraphQLObjectType, selectionSet: SelectionSetNode, conditional: boolean, into: Map<string, CollectedField>, visited: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      const optional = conditional || hasCondition(selection);
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const known = into.get(key);
        if (known) {
          known.optional &&= optional;
          if (selection.selectionSet) known.selectionSets.push(selection.selectionSet);
        } else {
          into.set(key, { fieldName: selection.name.value, selectionSets: selection.selectionSet ? [selection.selectionSet] : [], optional });
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies((selection as InlineFragmentNode).typeCondition?.name.value, type)) collect(type, selection.selectionSet, optional, into, visited);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visited.has(name) || !applies(fragment.typeCondition.name.value, type)) continue;
        collect(type, fragment.selectionSet, optional, into, new Set(visited).add(name));
      }
    }
  };

  const compileObject = (type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]): ObjectPlan => {
    const collected = new Map<string, CollectedField>();
    for (const selectionSet of selectionSets) collect(type, selectionSet, false, collected, new Set());
    const fields = new Map<string, FieldPlan>();
    let required = 0;
    const definitions = type.getFields();
    for (const [key, { fieldName, selectionSets: sub, optional }] of collected) {
      let plan: TypePlan;
      if (fieldName === "__typename") plan = { kind: "typename", name: type.name, nullable: false, label: "String!" };
      else {
        const definition = definitions[fieldName];
        if (!definition) throw new Error(`${type.name} has no field ${fieldName}`);
        plan = compileType(definition.type, sub);
      }
      fields.set(key, { type: plan, optional });
      if (!optional) required++;
    }
    return { typeName: type.name, fields, required };
  };

  const compileType = (type: GraphQLOutputType, selectionSets: readonly SelectionSetNode[], nullable = true): TypePlan => {
    if (isNonNullType(type)) return compileType(type.ofType, selectionSets, false);
    const label = typeLabel(type) + (nullable ? "" : "!");
    if (isListType(type)) return { kind: "list", of: compileType(type.ofType, selectionSets), nullable, label };
    if (isScalarType(type)) return { kind: "scalar", rule: SCALAR_RULES[type.name] ?? ANY_JSON, nullable, label };
    if (isEnumType(type)) return { kind: "enum", name: type.name, values: new Set(type.getValues().map((v) => v.name)), nullable, label };
    if (isObjectType(type)) return { kind: "object", plan: compileObject(type, selectionSets), nullable, label };
    const abstract = type as GraphQLCompositeType & { name: string };
    const plans = new Map(schema.getPossibleTypes(abstract as never).map((t) => [t.name, compileObject(t, selectionSets)]));
    return { kind: "abstract", name: abstract.name, plans, nullable, label };
  };

  return { compileObject };
}

/** The `_entities` field with the router's private aliases added: every entity's `__typename`, and `id` on each entity type that has one. */
function withPrivateAliases(schema: GraphQLSchema, field: FieldNode): FieldNode {
  const entityUnion = schema.getType("_Entity");
  const entityTypes = entityUnion && isAbstractType(entityUnion) ? schema.getPossibleTypes(entityUnion) : [];
  const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
  const aliased = (alias: string, fieldName: string): FieldNode => ({ kind: Kind.FIELD, alias: name(alias), name: name(fieldName) });
  const idFragments: InlineFragmentNode[] = entityTypes
    .filter((type) => type.getFields().id)
    .map((type) => ({
      kind: Kind.INLINE_FRAGMENT,
      typeCondition: { kind: Kind.NAMED_TYPE, name: name(type.name) },
      selectionSet: { kind: Kind.SELECTION_SET, selections: [aliased(ROUTER_ID_ALIAS, "id")] },
    }));
  const selections = [...(field.selectionSet?.selections ?? []), aliased(ROUTER_TYPENAME_ALIAS, "__typename"), ...idFragments];
  return { ...field, selectionSet: { kind: Kind.SELECTION_SET, selections } };
}

/**
 * Compiles, once per query text, what every entity of a province's answer must be: the query is
 * validated against the contract, the router's private aliases for `__typename` and `id` are
 * added to it (so the key is checked even when the planner does not select it), and each entity
 * type gets a plan of the keys an entity may hold, with each scalar's rule and each enum's values.
 * A query that does not validate against the contract is refused: no answer to it could be checked.
 */
export function compileAnswerValidator(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, field: FieldNode): AnswerValidator | RefusedQuery {
  const errors = validate(schema, document);
  if (errors.length > 0) return { kind: "refused", reason: `the query does not validate against the province contract: ${errors.slice(0, 3).map((e) => e.message).join("; ")}` };

  const asked = withPrivateAliases(schema, field);
  const rewritten: OperationDefinitionNode = { ...operation, selectionSet: { ...operation.selectionSet, selections: [asked] } };
  const sent: DocumentNode = { ...document, definitions: document.definitions.map((d) => (d === operation ? rewritten : d)) };
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const { compileObject } = createPlanner(schema, fragments);

  const entityUnion = schema.getType("_Entity");
  const entityTypes = entityUnion && isAbstractType(entityUnion) ? schema.getPossibleTypes(entityUnion) : [];
  const plans = new Map(entityTypes.map((type) => [type.name, compileObject(type, [asked.selectionSet as SelectionSetNode])]));
  // Every response key that reads `id` on the entity itself must give back the id that was asked for.
  const keyFields = new Map(
    entityTypes.map((type) => {
      const keys = new Set<string>();
      const collectKeys = (selectionSet: SelectionSetNode | undefined) => {
        for (const s of selectionSet?.selections ?? []) {
          if (s.kind === Kind.FIELD && s.name.value === "id") keys.add(s.alias?.value ?? "id");
          else if (s.kind === Kind.INLINE_FRAGMENT && (!s.typeCondition || s.typeCondition.name.value === type.name || s.typeCondition.name.value === "_Entity")) collectKeys(s.selectionSet);
          else if (s.kind === Kind.FRAGMENT_SPREAD) {
            const fragment = fragments.get(s.name.value);
            if (fragment && (fragment.typeCondition.name.value === type.name || fragment.typeCondition.name.value === "_Entity")) collectKeys(fragment.selectionSet);
          }
        }
      };
      collectKeys(asked.selectionSet);
      return [type.name, [...keys]];
    }),
  );

  return {
    kind: "validator",
    query: print(sent),
    check(entity, representation) {
      if (entity === null) return undefined;
      const typename = representation.__typename;
      const plan = typeof typename === "string" ? plans.get(typename) : undefined;
      if (!plan) return `__typename: the representation's type ${show(typename)} is not an entity type of the contract`;
      if (typeof entity === "object" && !Array.isArray(entity)) {
        for (const key of keyFields.get(plan.typeName) ?? []) {
          const id = (entity as Record<string, unknown>)[key];
          if (id !== representation.id && id !== undefined) return `${SHOWN_AS[key] ?? key}: ${show(id)} where ${show(representation.id)} was asked for`;
        }
      }
      const violation = checkObject(entity, plan);
      return violation && (violation.path.length > 0 ? `${formatPath(violation.path)}: ${violation.message}` : violation.message);
    },
    strip(entity) {
      if (typeof entity !== "object" || entity === null) return;
      delete (entity as Record<string, unknown>)[ROUTER_TYPENAME_ALIAS];
      delete (entity as Record<string, unknown>)[ROUTER_ID_ALIAS];
    },
  };
}
