import {
  getNamedType, getNullableType, isCompositeType, isInterfaceType, isListType, isObjectType, Kind,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode, type ValueNode,
} from "graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@scg/shared";

/** How many items a list field is assumed to return when nothing says otherwise. */
export const DEFAULT_LIST_SIZE = 10;
/** Lists whose size the domain fixes. */
const KNOWN_LIST_SIZES: Record<string, number> = { "Partnership.communities": 2, "Partnership.signatures": 2 };

/**
 * Estimates what an operation costs to answer, before it runs: the number of objects it can
 * return (every object field counts once per parent, a list of objects once per item; scalars
 * are free). A field with a `first` argument sizes the next list below it (a connection's `edges`)
 * to `first` (20 when omitted), capped at the contract's maximum page size (a larger `first` is
 * refused by the subgraph anyway, so it must not inflate the estimate); other lists count
 * DEFAULT_LIST_SIZE items, or their known size. The same number is the operation's limit check
 * and what rate limits count.
 *
 * Linear in the document's size: a fragment's cost is computed once per (fragment, pending page
 * size) and reused for every spread, scaled by the spread's multiplier — so a document whose
 * fragments spread each other twice, forty levels deep, costs forty small computations, not 2^40.
 */
export function estimateOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  /** Cost of a fragment at multiplier 1, by name and pending page size; null while being computed (a cycle). */
  const fragmentCosts = new Map<string, number | null>();

  const pageSize = (value: ValueNode | undefined): number | null => {
    if (!value) return null;
    const raw = value.kind === Kind.INT ? Number(value.value) : value.kind === Kind.VARIABLE ? variables[value.name.value] : null;
    return typeof raw === "number" && Number.isFinite(raw) ? Math.max(0, Math.min(Math.trunc(raw), MAX_PAGE_SIZE)) : null;
  };

  /** Cost of a selection set on `parent` when each object in it is counted `1` time. */
  const selectionSetCost = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, pending: number | null): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += fieldCost(selection, parent, pending);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeCondition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (typeCondition && isCompositeType(typeCondition)) cost += selectionSetCost(selection.selectionSet, typeCondition, pending);
      } else {
        cost += fragmentCost(selection.name.value, pending);
      }
    }
    return cost;
  };

  const fragmentCost = (name: string, pending: number | null): number => {
    const key = `${name}|${pending}`;
    const known = fragmentCosts.get(key);
    if (known !== undefined) return known ?? 0;
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    if (!fragment || !type || !isCompositeType(type)) return 0;
    fragmentCosts.set(key, null);
    const cost = selectionSetCost(fragment.selectionSet, type, pending);
    fragmentCosts.set(key, cost);
    return cost;
  };

  const fieldCost = (field: FieldNode, parent: GraphQLCompositeType, pending: number | null): number => {
    const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
    if (!definition) return 0; // __typename, or a field validation has already refused
    const type = definition.type;
    const named = getNamedType(type);
    if (!isCompositeType(named) || !field.selectionSet) return 0;
    const firstArgument = field.arguments?.find((a) => a.name.value === "first");
    let multiplier = 1;
    let nextPending: number | null = pending;
    if (isListType(getNullableType(type))) {
      multiplier = KNOWN_LIST_SIZES[`${parent.name}.${field.name.value}`] ?? pageSize(firstArgument?.value) ?? pending ?? DEFAULT_LIST_SIZE;
      nextPending = null;
    } else if (firstArgument || definition.args.some((a) => a.name === "first") || named.name.endsWith("Connection")) {
      nextPending = pageSize(firstArgument?.value) ?? DEFAULT_PAGE_SIZE;
    }
    // The objects this field returns (one, or one per list item), and everything below each of them.
    return multiplier * (1 + selectionSetCost(field.selectionSet, named, nextPending));
  };

  const root = schema.getRootType(operation.operation);
  return root ? selectionSetCost(operation.selectionSet, root, null) : 0;
}
