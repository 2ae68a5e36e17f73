import {
  getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType,
  type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema,
} from "graphql";

/** A plain value of an input type: required fields filled, optional ones left out. */
export function plausibleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return plausibleValue(type.ofType);
  if (isListType(type)) return [plausibleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, plausibleValue(f.type)]));
  }
  switch (type.name) {
    case "Int":
      return 1;
    case "Float":
      return 1.5;
    case "Boolean":
      return true;
    case "Date":
      return "2026-01-01";
    case "DateTime":
      return "2026-01-01T00:00:00Z";
    case "ID":
      return "00000000-0000-4000-8000-000000000000";
    default:
      return "text";
  }
}

const isStringLike = (type: GraphQLNamedType) => isScalarType(type) && (type.name === "String" || type.name === "ID");

/**
 * Every way to put `poison` into one string of an argument: the argument itself when it is a
 * string (or a list of them), else each string field of its input type (recursively), with every
 * other required field given a plausible value. Each variant names the path it poisons.
 */
export function poisonedValues(type: GraphQLInputType, poison: string, path: string, seen = new Set<string>()): { path: string; value: unknown }[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    return poisonedValues(inner.ofType, poison, `${path}[0]`, seen).map((variant) => ({ path: variant.path, value: [variant.value] }));
  }
  const named = getNamedType(inner);
  if (isStringLike(named)) return [{ path, value: `a${poison}b` }];
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  const base = plausibleValue(named) as Record<string, unknown>;
  const variants: { path: string; value: unknown }[] = [];
  for (const field of Object.values(named.getFields())) {
    for (const variant of poisonedValues(field.type, poison, `${path}.${field.name}`, new Set([...seen, named.name]))) {
      variants.push({ path: variant.path, value: { ...base, [field.name]: variant.value } });
    }
  }
  return variants;
}

/** `first: 1` where a field pages, plausible values for other required arguments, as GraphQL literal text. */
function reachArguments(field: GraphQLField<unknown, unknown>): string | null {
  const parts: string[] = [];
  for (const arg of field.args) {
    if (arg.name === "first") parts.push("first: 1");
    else if (isNonNullType(arg.type)) return null; // not reachable without knowing a real value
  }
  return parts.length ? `(${parts.join(", ")})` : "";
}

/**
 * For every object type reachable from Query through fields that need no argument values (lists
 * and connections asked for one item), the selection path that reaches it: `communities(first: 1) { edges { node { %s } } }`.
 */
export function reachableTypes(schema: GraphQLSchema): Map<string, (inner: string) => string> {
  const query = schema.getQueryType()!;
  const paths = new Map<string, (inner: string) => string>([[query.name, (inner) => inner]]);
  const queue: GraphQLObjectType[] = [query];
  while (queue.length) {
    const type = queue.shift()!;
    const wrap = paths.get(type.name)!;
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith("__")) continue;
      const target = getNamedType(field.type);
      if (!isObjectType(target) || paths.has(target.name)) continue;
      const args = reachArguments(field);
      if (args === null) continue;
      paths.set(target.name, (inner) => wrap(`${field.name}${args} { ${inner} }`));
      queue.push(target);
    }
  }
  return paths;
}

/** A selection for a field's result: `__typename` for objects, nothing for scalars. */
export const leafSelection = (field: GraphQLField<unknown, unknown>) => (isObjectType(getNamedType(field.type)) || !isScalarOrEnum(getNamedType(field.type)) ? " { __typename }" : "");
const isScalarOrEnum = (type: GraphQLNamedType) => isScalarType(type) || isEnumType(type);

/** GraphQL type text of an argument, for a variable definition. */
export const typeText = (arg: GraphQLArgument) => String(arg.type);
