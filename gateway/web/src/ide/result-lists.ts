/** A list found in a GraphQL result: where it is and its items (a connection's edges already replaced by their nodes). */
export interface ResultList {
  /** Dotted path from `data`, such as "community.sisterCities" or "country.partnerships" (for its edges). */
  path: string;
  items: unknown[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Every list in `data` that is not inside another list, depth-first in the order of the result
 * (which is the order of the selection). A Relay connection's `edges` become the list of their
 * `node`s, named after the connection field, since the cursor is paging machinery, not data.
 * Lists inside a list's items are left to the table, which joins them into one cell.
 */
export function resultLists(data: unknown, path: string[] = []): ResultList[] {
  if (Array.isArray(data)) {
    const isEdges = path.at(-1) === "edges" && data.length > 0 && data.every((edge) => isRecord(edge) && "node" in edge);
    return isEdges
      ? [{ path: path.slice(0, -1).join("."), items: data.map((edge) => (edge as { node: unknown }).node) }]
      : [{ path: path.join("."), items: data }];
  }
  if (!isRecord(data)) return [];
  return Object.entries(data).flatMap(([key, value]) => resultLists(value, [...path, key]));
}

/** The list the table shows first: the first one with items, or the first one at all. */
export function firstList(lists: readonly ResultList[]): ResultList | undefined {
  return lists.find((list) => list.items.length > 0) ?? lists[0];
}
