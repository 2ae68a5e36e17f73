import type { DataSource, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { byCountThenLabel, type FacetBucket } from "../graphql/facets.js";
import { readQuery } from "./read-routing.js";

/** The value of records that have none of a facet's values (no US side, no year, no area). */
export const NO_VALUE = "none";

/** One facet of a list: what each record's value is, and how a value reads for people. */
export interface FacetDimension {
  /**
   * SQL over the list's alias: the record's value (null: none), or with `many` an array of values
   * (a record counts once under each; an empty array or null counts once under "none").
   */
  expression: string;
  many?: boolean;
  label(value: string): string;
}

export interface FacetCounts<D extends string, C extends string> {
  total: number;
  buckets: Record<D, FacetBucket[]>;
  /** Cross-tabulations of two facets: one entry per pair of values that occurs. */
  cells: Record<C, { values: [string, string]; count: number }[]>;
}

const valuesOf = (dimension: FacetDimension, column: string) =>
  dimension.many
    ? `unnest(CASE WHEN cardinality(f.${column}) > 0 THEN f.${column} ELSE ARRAY[NULL] END)`
    : `(VALUES (f.${column}))`;

/**
 * Counts the records `matching` selects by every facet in ONE statement: the matching rows are
 * read once (a CTE holding each facet's value), then each facet, each cross-tab and the total is
 * one GROUP BY over them, joined by UNION ALL. A facet with one value per record therefore adds up
 * to the total, which is the list's totalCount for the same filter; a `many` facet counts a record
 * once per value (each bucket equals the list filtered by that value).
 */
export async function countFacets<D extends string, C extends string = never>(
  dataSource: DataSource,
  matching: SelectQueryBuilder<ObjectLiteral>,
  dimensions: Record<D, FacetDimension>,
  cells: Record<C, readonly [NoInfer<D>, NoInfer<D>]> = {} as Record<C, readonly [D, D]>,
): Promise<FacetCounts<D, C>> {
  const names = Object.keys(dimensions) as D[];
  const column = (name: D) => `d${names.indexOf(name)}`;
  const [rowsSql, parameters] = matching
    .select(names.map((name) => `${dimensions[name].expression} AS ${column(name)}`))
    .getQueryAndParameters();
  const parts = [
    `SELECT 'total' AS facet, NULL::text AS a, NULL::text AS b, count(*)::int AS count FROM f`,
    ...names.map(
      (name, i) => `SELECT 'd${i}', COALESCE(v::text, '${NO_VALUE}'), NULL, count(*)::int FROM f CROSS JOIN LATERAL ${valuesOf(dimensions[name], column(name))} AS x(v) GROUP BY 1, 2`,
    ),
    ...(Object.entries(cells) as [C, readonly [D, D]][]).map(
      ([cell, [first, second]]) =>
        `SELECT '${cell}', COALESCE(v::text, '${NO_VALUE}'), COALESCE(w::text, '${NO_VALUE}'), count(*)::int FROM f
         CROSS JOIN LATERAL ${valuesOf(dimensions[first], column(first))} AS x(v) CROSS JOIN LATERAL ${valuesOf(dimensions[second], column(second))} AS y(w) GROUP BY 1, 2, 3`,
    ),
  ];
  const rows = await readQuery<{ facet: string; a: string | null; b: string | null; count: number }>(
    dataSource,
    `WITH f AS MATERIALIZED (${rowsSql}) ${parts.join(" UNION ALL ")}`,
    parameters,
  );
  const result: FacetCounts<D, C> = {
    total: 0,
    buckets: Object.fromEntries(names.map((name) => [name, []])) as unknown as Record<D, FacetBucket[]>,
    cells: Object.fromEntries(Object.keys(cells).map((cell) => [cell, []])) as unknown as FacetCounts<D, C>["cells"],
  };
  for (const row of rows) {
    const count = Number(row.count);
    if (row.facet === "total") result.total = count;
    else if (row.facet in cells) result.cells[row.facet as C].push({ values: [row.a!, row.b!], count });
    else {
      const name = names[Number(row.facet.slice(1))];
      result.buckets[name].push({ value: row.a!, label: dimensions[name].label(row.a!), count });
    }
  }
  for (const name of names) result.buckets[name].sort(byCountThenLabel);
  for (const cell of Object.keys(cells) as C[]) result.cells[cell].sort((x, y) => y.count - x.count || x.values.join().localeCompare(y.values.join()));
  return result;
}
