import { defaultFieldResolver, isIntrospectionType, isObjectType, type GraphQLSchema } from "graphql";
import { badUserInput } from "../errors/app-error.js";

/**
 * Characters no input string may hold: the C0 controls except tab, line feed and carriage return
 * (so a description can have lines), DEL and the C1 controls. NUL in particular: Postgres refuses
 * it in text, so unchecked it would surface as an unexpected error instead of the caller's mistake.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The path (`filter.search`, `input.communityIds[1]`) of the first string in `value` that holds a control character. */
export function findControlCharacter(value: unknown, path: string): { path: string; codePoint: number } | null {
  if (typeof value === "string") {
    const match = CONTROL_CHARACTER.exec(value);
    return match ? { path, codePoint: match[0].codePointAt(0)! } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlCharacter(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) !== Date.prototype) {
    for (const [key, inner] of Object.entries(value)) {
      const found = findControlCharacter(inner, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** Refuses (BAD_USER_INPUT, naming the argument) arguments whose strings hold control characters. */
export function checkStringArguments(args: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(args)) {
    const found = findControlCharacter(value, name);
    if (found) {
      const code = `U+${found.codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
      throw badUserInput(`"${found.path}" contains a control character (${code}); remove it and try again.`, { argument: found.path });
    }
  }
}

/**
 * One rule for every string a subgraph accepts: each field that takes arguments (queries,
 * mutations, entity fields, `_entities`) checks them before its resolver runs. Applied in place to
 * the built subgraph schema (federation keeps entity resolvers on the type objects, which a
 * rebuilt schema would lose). Fields without arguments pay nothing.
 */
export function guardStringInputs(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        checkStringArguments(args);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
