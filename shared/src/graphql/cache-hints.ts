import { cacheControlFromInfo } from "@apollo/cache-control-types";
import type { GraphQLResolveInfo } from "graphql";

/**
 * Marks the answer as personal: never stored in a shared cache (the gateway's, a CDN's).
 * Call it from any resolver that returns data only some callers may see.
 */
export function markPrivate(info: GraphQLResolveInfo): void {
  cacheControlFromInfo(info).setCacheHint({ scope: "PRIVATE", maxAge: 0 });
}
