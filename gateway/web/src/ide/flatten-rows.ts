/** A result list as a table: column names in first-seen order, and one string per column per row. */
export interface FlatTable {
  columns: string[];
  rows: Record<string, string>[];
}

/** What a list inside a cell is joined with. */
export const LIST_SEPARATOR = "; ";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * One item as flat cells: nested objects become dotted column names (`country.code`); a list
 * becomes one cell per column with its values joined by "; " (a list of objects gives
 * `communities.slug` = "kobe-jp; seattle-wa-us", values in the same order in every such column);
 * null is an empty cell. A list of scalars at the top gives one column, "value".
 */
function flatten(value: unknown, prefix: string, into: Map<string, string>): void {
  if (value === null || value === undefined) {
    if (prefix) into.set(prefix, "");
  } else if (Array.isArray(value)) {
    const parts = value.map((item) => {
      const cells = new Map<string, string>();
      flatten(item, prefix, cells);
      return cells;
    });
    const keys = [...new Set(parts.flatMap((cells) => [...cells.keys()]))];
    if (keys.length === 0 && prefix) into.set(prefix, "");
    for (const key of keys) {
      const values = parts.map((cells) => cells.get(key) ?? "");
      into.set(key, values.every((v) => v === "") ? "" : values.join(LIST_SEPARATOR));
    }
  } else if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix || "value", String(value));
  }
}

/**
 * The items of a result list as a table (see `flatten` for how a cell is made). A null object or
 * an empty list gives an empty cell under its own name; where other rows give that field dotted
 * columns (`country.code`), the always-empty bare column is dropped.
 */
export function flattenRows(items: readonly unknown[]): FlatTable {
  const seen = new Set<string>();
  const rows = items.map((item) => {
    const cells = new Map<string, string>();
    flatten(item, "", cells);
    for (const key of cells.keys()) seen.add(key);
    return Object.fromEntries(cells);
  });
  const all = [...seen];
  const columns = all.filter((column) => !(all.some((other) => other.startsWith(`${column}.`)) && rows.every((row) => !row[column])));
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) delete row[key];
  return { columns, rows };
}
