import { registerEnumType } from "type-graphql";
import type { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { badUserInput } from "../errors/app-error.js";
import { decodeCursor, encodeCursor, type PageArgs, parsePage, type Page } from "./connection.js";

export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}

registerEnumType(OrderDirection, {
  name: "OrderDirection",
  description: "Which way a list is ordered.",
  valuesConfig: { ASC: { description: "Ascending: A→Z, oldest or smallest first." }, DESC: { description: "Descending: Z→A, newest or largest first." } },
});

/**
 * One way a list can be ordered: a SQL expression over the list's alias that gives every row a
 * non-null key (COALESCE where the column can be null), how to read that key from a loaded row, and
 * how to cast a cursor's value back. Rows with equal keys are ordered by id, so the order is total
 * and keyset cursors never skip or repeat a row.
 */
export interface SortKey<Row> {
  /** The name clients order by ("NAME"); cursors carry it, so a cursor of another order is refused. */
  field: string;
  expression: string;
  value(row: Row): string | number;
  cast: "text" | "int" | "date" | "timestamptz" | "float8";
}

/** A validated page of an ordered list: the key, the direction and where to continue. */
export interface OrderedPage<Row> extends Page {
  key: SortKey<Row>;
  direction: OrderDirection;
}

/**
 * Checks `first`/`after` for a list ordered by `key` (cursor: `[field, key value, id]`); a cursor
 * made under another order is BAD_USER_INPUT, never a silently wrong page.
 */
export function parseOrderedPage<Row>(args: PageArgs, key: SortKey<Row>, direction: OrderDirection = OrderDirection.ASC): OrderedPage<Row> {
  const page = parsePage({ first: args.first, after: null });
  if (args.after == null) return { ...page, key, direction };
  const [field, value, id] = decodeCursor(args.after, 3);
  if (field !== `${key.field}:${direction}` || typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw badUserInput(`The cursor "${args.after.slice(0, 80)}" belongs to another order or list; pass an endCursor from this same query.`, { argument: "after" });
  }
  return { ...page, after: [value, id], key, direction };
}

/** The cursor of a row in an ordered list. */
export function orderedCursor<Row extends { id: string }>(page: OrderedPage<Row>, row: Row): string {
  return encodeCursor([`${page.key.field}:${page.direction}`, page.key.value(row), row.id]);
}

/** Orders a query by the page's key then id, continues after its cursor, and takes one row more than the page. */
export function applyOrderedPage<T extends ObjectLiteral, Row>(q: SelectQueryBuilder<T>, page: OrderedPage<Row>, idExpression: string): SelectQueryBuilder<T> {
  const { key, direction } = page;
  q.orderBy(key.expression, direction).addOrderBy(idExpression, direction).limit(page.limit + 1);
  if (page.after) {
    const comparison = direction === OrderDirection.ASC ? ">" : "<";
    q.andWhere(`(${key.expression}, ${idExpression}) ${comparison} (CAST(:afterKey AS ${key.cast}), CAST(:afterId AS uuid))`, {
      afterKey: page.after[0],
      afterId: page.after[1],
    });
  }
  return q;
}
