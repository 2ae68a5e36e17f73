import { administersCommunity, administersOrganization, forbidden, isStaff, requireIdentity, type Identity } from "@scg/shared";

/** The fields of an event that decide who administers it. */
export interface EventOwnership {
  title: string;
  hostCommunityId: string | null;
  organizerId: string | null;
}

/**
 * An event's admins: network staff, the member admins of its host community, and those of its
 * organizer. They alone may change or cancel it and see who registered.
 */
export function administersEvent(identity: Identity | null, event: EventOwnership): boolean {
  if (!identity) return false;
  if (isStaff(identity)) return true;
  return (
    (event.hostCommunityId !== null && administersCommunity(identity, event.hostCommunityId)) ||
    (event.organizerId !== null && administersOrganization(identity, event.organizerId))
  );
}

/** Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN for callers who do not administer the event. */
export function assertAdministersEvent(identity: Identity | null, event: EventOwnership, action: string): asserts identity is Identity {
  requireIdentity(identity, action);
  if (!administersEvent(identity, event)) {
    throw forbidden(`You may not ${action} "${event.title}": only network staff and admins of its host community or organizer may.`);
  }
}
