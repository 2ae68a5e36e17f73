import { randomUUID } from "node:crypto";
import { administersCommunity, administersOrganization, AppError, checkOptionalText, ErrorCode, ProvenanceKind, conflict, entered, forbidden, isStaff, isUuid, notFound, requireIdentity, type Identity } from "@scg/shared";
import { IsNull, type DataSource, type EntityManager } from "typeorm";
import type { DirectoryLookup, ProgramLookup } from "./event-references.js";
import { Event } from "../entities/event.entity.js";
import { Registration } from "../entities/registration.entity.js";
import { checkCreateEventFields, checkEventFields, checkPeriod, type CreateEventFields, type EventFields } from "./event-input.js";
import { assertAdministersEvent } from "./event-permissions.js";

/** What event writes need: the data source, who is calling, and the two subgraphs they check against. */
export interface EventWriteDeps {
  dataSource: DataSource;
  identity: Identity | null;
  directory: DirectoryLookup;
  programs: ProgramLookup;
}


async function checkProgram(deps: EventWriteDeps, programId: string | null | undefined): Promise<void> {
  if (!programId) return;
  if (!(await deps.programs.exists(programId, deps.identity))) {
    throw notFound(`No program with id "${programId}" exists.`, { argument: "programId" });
  }
}

/**
 * Creates an event. Who may: network staff, a member admin of the host community, or a member
 * admin of the organizer. The caller's rights are checked from the identity first; then the
 * directory is asked whether the host and organizer exist (and where the host is, for the
 * calendar's country filter) and the programs subgraph whether the program does. Only then is
 * the event written, in one transaction. Registration opens unless the input says otherwise.
 */
export async function createEvent(deps: EventWriteDeps, input: CreateEventFields): Promise<Event> {
  const identity = requireIdentity(deps.identity, "create an event");
  const fields = checkCreateEventFields(input);
  const hostCommunityId = fields.hostCommunityId ?? null;
  const organizerId = fields.organizerId ?? null;
  const allowed =
    isStaff(identity) ||
    (hostCommunityId !== null && administersCommunity(identity, hostCommunityId)) ||
    (organizerId !== null && administersOrganization(identity, organizerId));
  if (!allowed) {
    throw forbidden(
      hostCommunityId === null && organizerId === null
        ? `Only network staff may create "${fields.title}" without a host community or organizer.`
        : `You may not create "${fields.title}": only network staff and admins of its host community or organizer may.`,
    );
  }
  const { community, organizationExists } = await deps.directory.find({ communityId: hostCommunityId, organizationId: organizerId }, identity);
  if (hostCommunityId !== null && community === null) {
    throw notFound(`No community with id "${hostCommunityId}" is in the directory.`, { argument: "hostCommunityId" });
  }
  if (organizerId !== null && !organizationExists) {
    throw notFound(`No organization with id "${organizerId}" is in the directory.`, { argument: "organizerId" });
  }
  await checkProgram(deps, fields.programId);
  const capacity = fields.capacity ?? null;
  const event = deps.dataSource.getRepository(Event).create({
    id: randomUUID(),
    title: fields.title,
    kind: fields.kind,
    description: fields.description ?? null,
    startsAt: fields.startsAt,
    endsAt: fields.endsAt,
    timezone: fields.timezone,
    venue: fields.venue ?? null,
    hostCommunityId,
    hostCountryCode: community?.countryCode ?? null,
    hostRegionCode: community?.regionCode ?? null,
    organizerId,
    programId: fields.programId ?? null,
    capacity,
    seatsLeft: capacity,
    registrationOpen: fields.registrationOpen ?? true,
    url: fields.url ?? null,
    provenance: entered(identity.subject),
    cancelledAt: null,
    cancellationReason: null,
    version: 1,
  });
  return deps.dataSource.transaction(async (manager) => {
    await manager.insert(Event, event);
    return manager.findOneByOrFail(Event, { id: event.id });
  });
}

/** Reads an event for a write, locking its row until the transaction ends (registrations wait). */
async function lockEvent(manager: EntityManager, id: string): Promise<Event> {
  const event = isUuid(id) ? await manager.findOne(Event, { where: { id: id.toLowerCase() }, lock: { mode: "pessimistic_write" } }) : null;
  if (!event) throw notFound(`No event with id "${id.slice(0, 80)}" exists.`, { argument: "id" });
  return event;
}

/**
 * Changes an event's details. Only its admins may (see administersEvent); host and organizer
 * cannot change (cancel and create another event instead). With `expectedVersion`, a change made
 * by someone else since that version is a CONFLICT, never silently overwritten. A new capacity may
 * not be below the active registrations; `seatsLeft` moves with it. The row is locked for the
 * whole transaction, so registrations arriving meanwhile wait and see the new capacity.
 */
export async function updateEvent(deps: EventWriteDeps, id: string, input: EventFields & { expectedVersion?: number | null }): Promise<Event> {
  const identity = requireIdentity(deps.identity, "change an event");
  const fields = checkEventFields(input);
  const current = isUuid(id) ? await deps.dataSource.getRepository(Event).findOneBy({ id: id.toLowerCase() }) : null;
  if (!current) throw notFound(`No event with id "${id.slice(0, 80)}" exists.`, { argument: "id" });
  assertAdministersEvent(identity, current, "change");
  if (fields.programId && fields.programId !== current.programId) await checkProgram(deps, fields.programId);
  return deps.dataSource.transaction(async (manager) => {
    const event = await lockEvent(manager, id);
    if (input.expectedVersion != null && input.expectedVersion !== event.version) {
      throw conflict(`"${event.title}" was changed by someone else (it is at version ${event.version}, not ${input.expectedVersion}); reload it and try again.`, {
        currentVersion: event.version,
      });
    }
    if (event.cancelledAt) throw conflict(`"${event.title}" was cancelled and can no longer be changed.`);
    if (fields.registrationOpen && event.provenance.kind === ProvenanceKind.SAMPLE) {
      throw new AppError(ErrorCode.EVENT_NOT_OPEN, `"${event.title}" is a generated sample event (development data); it cannot open for registration.`);
    }
    const startsAt = fields.startsAt ?? event.startsAt;
    const endsAt = fields.endsAt ?? event.endsAt;
    checkPeriod(startsAt, endsAt);
    const changes: Partial<Event> = { ...fields, startsAt, endsAt } as Partial<Event>;
    if (fields.capacity !== undefined) {
      const active =
        event.capacity === null
          ? await manager.countBy(Registration, { eventId: event.id, cancelledAt: IsNull() })
          : event.capacity - (event.seatsLeft ?? 0);
      const capacity = fields.capacity;
      if (capacity !== null && capacity < active) {
        throw conflict(`"${event.title}" already has ${active} active registrations, so its capacity cannot be ${capacity}.`, { activeRegistrations: active });
      }
      changes.capacity = capacity;
      changes.seatsLeft = capacity === null ? null : capacity - active;
    }
    await manager.update(Event, { id: event.id }, { ...changes, version: event.version + 1 });
    return manager.findOneByOrFail(Event, { id: event.id });
  });
}

/**
 * Cancels an event: registration closes and the event leaves the calendar's default view.
 * Registrations are kept (their attendees are the people to tell). Cancelling twice changes nothing.
 */
export async function cancelEvent(deps: Pick<EventWriteDeps, "dataSource" | "identity">, id: string, reason: string | null | undefined): Promise<Event> {
  const identity = requireIdentity(deps.identity, "cancel an event");
  const trimmed = checkOptionalText(reason, "reason", 1000) ?? null;
  return deps.dataSource.transaction(async (manager) => {
    const event = await lockEvent(manager, id);
    assertAdministersEvent(identity, event, "cancel");
    if (event.cancelledAt) return event;
    await manager
      .createQueryBuilder()
      .update(Event)
      .set({ cancelledAt: () => "now()", cancellationReason: trimmed, registrationOpen: false, version: event.version + 1 })
      .where("id = :id", { id: event.id })
      .execute();
    return manager.findOneByOrFail(Event, { id: event.id });
  });
}
