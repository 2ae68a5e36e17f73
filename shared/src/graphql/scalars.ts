import { DateResolver, DateTimeResolver } from "graphql-scalars";

/**
 * The contract's `Date` (calendar date, "2026-11-27") and `DateTime` (RFC 3339 with offset).
 * Every subgraph uses these same two scalars, so they compose into one definition.
 */
export const DateScalar = DateResolver;
export const DateTimeScalar = DateTimeResolver;
