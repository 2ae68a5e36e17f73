import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { GraphQLError, Kind, type ValidationContext, type ValidationRule } from "graphql";
import type { Limits } from "./limits.js";

/** Counts top-level fields (fragments included) of each operation. */
export function maxRootFieldsRule(max: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      let count = 0;
      const seen = new Set<string>();
      const countIn = (selections: readonly import("graphql").SelectionNode[]) => {
        for (const selection of selections) {
          if (selection.kind === Kind.FIELD) count += selection.name.value.startsWith("__") ? 0 : 1;
          else if (selection.kind === Kind.INLINE_FRAGMENT) countIn(selection.selectionSet.selections);
          else if (!seen.has(selection.name.value)) {
            seen.add(selection.name.value);
            const fragment = context.getFragment(selection.name.value);
            if (fragment) countIn(fragment.selectionSet.selections);
          }
        }
      };
      countIn(operation.selectionSet.selections);
      if (count > max) {
        context.reportError(new GraphQLError(`This operation asks for ${count} top-level fields; the limit is ${max}.`, { nodes: [operation] }));
      }
    },
  });
}

/**
 * The document-shape limits, as validation rules: a refused document answers HTTP 400 with
 * GRAPHQL_VALIDATION_FAILED and a sentence naming the limit and its value.
 * (graphql-armor for depth, aliases and directives; root fields are ours.)
 */
export function limitValidationRules(limits: Limits): ValidationRule[] {
  // armor's own message starts "Syntax Error:", which this is not; report it as a validation error.
  const report = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, "")))] };
  return [
    maxDepthRule({ n: limits.maxDepth, exposeLimits: true, flattenFragments: true, ...report }) as unknown as ValidationRule,
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true, ...report }) as unknown as ValidationRule,
    maxDirectivesRule({ n: limits.maxDirectives, exposeLimits: true, ...report }) as unknown as ValidationRule,
    maxRootFieldsRule(limits.maxRootFields),
  ];
}
