import { Role, type Identity } from "@scg/shared";

/**
 * Which cache a caller may share. Anonymous callers, API-key clients and analysts see exactly the
 * public view of the graph, so they share one cache. Admins and staff can see personal data
 * (event attendees), so their requests neither read nor fill any shared cache.
 */
export function sharedCacheScope(identity: Identity | null): "public" | null {
  if (!identity) return "public";
  return identity.roles.every((role) => role === Role.ANALYST) ? "public" : null;
}
