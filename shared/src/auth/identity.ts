/** The roles a verified caller can have (DESIGN.md). */
export const Role = {
  STAFF: "STAFF",
  MEMBER_ADMIN: "MEMBER_ADMIN",
  ANALYST: "ANALYST",
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/**
 * Who is calling, as verified by the gateway. `null` everywhere means anonymous.
 * A member admin acts only for the communities and organizations listed here.
 */
export interface Identity {
  subject: string;
  roles: Role[];
  communityIds: string[];
  organizationIds: string[];
}

export const isStaff = (identity: Identity | null) => identity?.roles.includes(Role.STAFF) ?? false;

/** Staff administer everything; a member admin administers the communities in their token. */
export function administersCommunity(identity: Identity | null, communityId: string): boolean {
  if (!identity) return false;
  if (isStaff(identity)) return true;
  return identity.roles.includes(Role.MEMBER_ADMIN) && identity.communityIds.includes(communityId);
}

export function administersOrganization(identity: Identity | null, organizationId: string): boolean {
  if (!identity) return false;
  if (isStaff(identity)) return true;
  return identity.roles.includes(Role.MEMBER_ADMIN) && identity.organizationIds.includes(organizationId);
}

/**
 * Analysts and staff may explore the schema (introspection, "Did you mean …" suggestions in
 * production); member admins, API keys and anonymous callers may not (DESIGN, production profile).
 */
export const mayExploreSchema = (identity: Identity | null) =>
  identity?.roles.some((role) => role === Role.STAFF || role === Role.ANALYST) ?? false;
