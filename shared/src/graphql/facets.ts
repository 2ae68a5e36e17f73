import { Directive, Field, Int, ObjectType } from "type-graphql";

/** One bucket of a facet (DESIGN, "Facets"): the same value type in every subgraph, hence shareable. */
@Directive("@shareable")
@ObjectType({ description: "How many records of a list have one value: a code for programs, words for people, and the count." })
export class FacetBucket {
  @Field({ description: 'The value, as a code ("JP", "WA", "ACTIVE", "1990s", "2026-05"); "none" for records without one.' })
  value: string;

  @Field({ description: 'The value in words ("Japan", "Washington", "Active", "1990s", "May 2026").' })
  label: string;

  @Field(() => Int, { description: "How many records of the list have it." })
  count: number;
}

/** Largest count first, then by label: how people read a breakdown. */
export const byCountThenLabel = (a: FacetBucket, b: FacetBucket) => b.count - a.count || a.label.localeCompare(b.label);

/** An object whose every field is a promise of the same field of one computed value. */
export type Deferred<T> = { [K in keyof T]: Promise<T[K]> };

/**
 * The value a facets query returns: each field reads the counts, which are computed once, on the
 * first read (so a query that selects three facets runs the one statement once, and one that
 * selects only __typename runs nothing). GraphQL awaits each field.
 */
export function computedOnFirstRead<T extends object>(compute: () => Promise<T>, fields: readonly (keyof T)[]): Deferred<T> {
  let counts: Promise<T> | undefined;
  const deferred = {} as Deferred<T>;
  for (const field of fields) {
    Object.defineProperty(deferred, field, { enumerable: true, get: () => (counts ??= compute()).then((value) => value[field]) });
  }
  return deferred;
}
