import { Field, Int, ObjectType, Directive, type ClassType } from "type-graphql";
import { badUserInput } from "../errors/app-error.js";

/** Page size when a client does not say `first`. */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest page a client may ask for (one map page); more is a BAD_USER_INPUT error, never a silent clamp. */
export const MAX_PAGE_SIZE = 500;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** A validated page request: how many rows, and the sort-key values of the row to continue after. */
export interface Page {
  limit: number;
  after: readonly (string | number)[] | null;
}

/**
 * Cursors are opaque to clients: base64url of the JSON array of the last row's sort-key values.
 * Pagination is keyset (`WHERE (key) > (cursor)`), so page N costs the same as page 1.
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  const fail = () =>
    badUserInput(`The cursor "${cursor.slice(0, 80)}" is not valid here; pass an endCursor or cursor from this same query.`, {
      argument: "after",
    });
  if (!/^[A-Za-z0-9_-]{1,1000}$/.test(cursor)) throw fail();
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw fail();
  }
  if (
    !Array.isArray(values) ||
    values.length !== arity ||
    !values.every((v) => (typeof v === "string" && v.length <= 500) || (typeof v === "number" && Number.isFinite(v)))
  ) {
    throw fail();
  }
  return values as (string | number)[];
}

/** Checks `first` and `after`; `arity` is how many sort-key values the cursor carries. */
export function parsePage({ first, after }: PageArgs, arity = 1): Page {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badUserInput(`"first" must be a whole number from 0 to ${MAX_PAGE_SIZE}, but was ${limit}.`, {
      argument: "first",
      maximum: MAX_PAGE_SIZE,
    });
  }
  return { limit, after: after == null ? null : decodeCursor(after, arity) };
}

@Directive("@shareable") // the same value type is defined by every subgraph that paginates
@ObjectType({ description: "Where a page stands in the whole list (Relay cursor connections)." })
export class PageInfo {
  @Field({ description: "Whether another page follows this one." })
  hasNextPage: boolean;

  @Field({ description: "Whether a page comes before this one (true whenever `after` was given)." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first edge of this page." })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge; pass it as `after` for the next page." })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Counted only when a client asks for it. */
  readonly totalCount: Promise<number>;
}

/**
 * Builds the GraphQL types `<Name>Edge` and `<Name>Connection` for a node type.
 * `totalCount` is a getter over a deferred count, so the COUNT query runs only when selected.
 */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class EdgeType {
    @Field({ description: "Opaque cursor of this edge; pass it as `after` to continue after it." })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} results.` })
  class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeType], { description: "This page's results, in order, each with its cursor." })
    edges: Edge<T>[];

    @Field(() => [nodeType], { description: "This page's results, in order, without cursors (a shortcut for `edges { node }`)." })
    get nodes(): T[] {
      return this.edges.map((edge) => edge.node);
    }

    @Field(() => PageInfo, { description: "Whether more pages follow, and the cursors to ask for them." })
    pageInfo: PageInfo;

    private countRows: () => Promise<number>;

    @Field(() => Int, { description: "How many results match in all pages." })
    get totalCount(): Promise<number> {
      return this.countRows();
    }

    /** A page from `rows` (the page's rows and, if another page follows, one more); `cursorOf` gives a row's cursor or its sort-key values. */
    static of(page: Page, rows: readonly T[], cursorOf: (row: T) => (string | number)[] | string, count: () => Promise<number>) {
      const connection = new ConnectionClass();
      const visible = rows.slice(0, page.limit);
      connection.edges = visible.map((node) => {
        const cursor = cursorOf(node);
        return { node, cursor: typeof cursor === "string" ? cursor : encodeCursor(cursor) };
      });
      connection.pageInfo = {
        hasNextPage: rows.length > page.limit,
        hasPreviousPage: page.after !== null,
        startCursor: connection.edges[0]?.cursor ?? null,
        endCursor: connection.edges.at(-1)?.cursor ?? null,
      };
      let counted: Promise<number> | undefined;
      connection.countRows = () => (counted ??= count());
      return connection;
    }
  }
  return ConnectionClass;
}
