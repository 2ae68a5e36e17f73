import {
  getNamedType, getNullableType, isCompositeType, isListType, Kind, TypeInfo, visit, visitWithTypeInfo,
  type DocumentNode, type FieldNode, type GraphQLSchema, type OperationDefinitionNode,
} from "graphql";
import { DEFAULT_PAGE_SIZE } from "@scg/shared";

/** How many items a list field is assumed to return when nothing says otherwise. */
export const DEFAULT_LIST_SIZE = 10;
/** Lists whose size the domain fixes. */
const KNOWN_LIST_SIZES: Record<string, number> = { "Partnership.communities": 2, "Partnership.signatures": 2 };

/**
 * Estimates what an operation costs to answer, before it runs: the number of objects it can
 * return (every object field counts once per parent, a list of objects once per item; scalars
 * are free). A field with a
 * `first` argument sizes the next list below it (a connection's `edges`) to `first` (20 when
 * omitted); other lists count DEFAULT_LIST_SIZE items, or their known size. The same number is
 * the operation's limit check and what rate limits count.
 */
export function estimateOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number {
  const typeInfo = new TypeInfo(schema);
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  // Each frame: the multiplier for fields at this level, and the size a `first` asked for the next list.
  const stack: { multiplier: number; pendingSize: number | null }[] = [{ multiplier: 1, pendingSize: null }];
  let cost = 0;

  const argumentValue = (field: FieldNode, name: string): number | null => {
    const argument = field.arguments?.find((a) => a.name.value === name);
    if (!argument) return null;
    const value = argument.value;
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE) {
      const v = variables[value.name.value];
      return typeof v === "number" ? v : null;
    }
    return null;
  };

  const walk = (node: OperationDefinitionNode | import("graphql").FragmentDefinitionNode, seen: Set<string>) =>
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        FragmentSpread(spread) {
          const name = spread.name.value;
          const fragment = fragments.get(name);
          if (fragment && !seen.has(name)) walk(fragment as never, new Set([...seen, name]));
        },
        Field: {
          enter(field) {
            const frame = stack[stack.length - 1];
            const type = typeInfo.getType();
            const parent = typeInfo.getParentType();
            if (!type || !isCompositeType(getNamedType(type))) {
              stack.push({ multiplier: frame.multiplier, pendingSize: null });
              return;
            }
            let multiplier = frame.multiplier;
            let pendingSize = frame.pendingSize;
            const first = argumentValue(field, "first");
            if (isListType(getNullableType(type))) {
              const known = parent ? KNOWN_LIST_SIZES[`${parent.name}.${field.name.value}`] : undefined;
              multiplier *= known ?? first ?? pendingSize ?? DEFAULT_LIST_SIZE;
              pendingSize = null;
            } else if (field.arguments?.some((a) => a.name.value === "first")) {
              pendingSize = first ?? DEFAULT_PAGE_SIZE;
            } else if (first === null && getNamedType(type).name.endsWith("Connection")) {
              pendingSize = DEFAULT_PAGE_SIZE;
            }
            cost += multiplier; // the objects this field returns: one, or one per list item
            stack.push({ multiplier, pendingSize });
          },
          leave() {
            stack.pop();
          },
        },
      }),
    );
  walk(operation, new Set());
  return cost;
}
