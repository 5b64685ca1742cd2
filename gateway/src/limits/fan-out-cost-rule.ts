import { costLimitRule, type CostLimitOptions } from "@escape.tech/graphql-armor-cost-limit";
import { type ASTNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, type ValidationContext, type ValidationRule, visit } from "graphql";

/** The root fields that ask every province: `provinces` (one province fetch per unit) and `nationalFigure` (every province's figures). */
export const FAN_OUT_FIELDS: readonly string[] = ["provinces", "nationalFigure"];

export interface FanOutCostOptions extends CostLimitOptions {
  /** How many times a fan-out field and everything under it counts. */
  fanOut: number;
  fields?: readonly string[];
}

/**
 * graphql-armor's cost rule (object 2, scalar 1, ×1.5 a level), over the operation as the gateway
 * runs it: a field in `fields` counts `fanOut` times, with everything under it. armor multiplies a
 * field's cost by its `first`/`last` argument; the rule hands armor the operation and its fragments
 * with `first: <fanOut>` on each such field, so the counting stays armor's.
 */
export function createFanOutCostRule({ fanOut, fields = FAN_OUT_FIELDS, ...options }: FanOutCostOptions): ValidationRule {
  const fanningOut = new Set(fields);
  const withFanOut = <T extends ASTNode>(node: T): T =>
    visit(node, {
      Field(field) {
        if (!fanningOut.has(field.name.value) || !field.selectionSet) return undefined;
        const others = (field.arguments ?? []).filter((a) => a.name.value !== "first" && a.name.value !== "last");
        const first = { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "first" }, value: { kind: Kind.INT, value: String(fanOut) } } as const;
        return { ...field, arguments: [first, ...others] };
      },
    });
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode | undefined>();
    // armor's visitor reads fragments through the context; this one hands it the counted copies and reports to the real context.
    const counted = Object.create(context) as ValidationContext;
    counted.getFragment = (name) => {
      if (!fragments.has(name)) {
        const fragment = context.getFragment(name);
        fragments.set(name, fragment ? withFanOut(fragment) : undefined);
      }
      return fragments.get(name);
    };
    const armor = costLimitRule(options)(counted);
    return {
      OperationDefinition: {
        enter: (operation: OperationDefinitionNode) => (armor.OperationDefinition.enter as (node: OperationDefinitionNode) => void)(withFanOut(operation)),
      },
    };
  };
}
