import { randomUUID } from "node:crypto";
import { AppError, ErrorCode, conflict, forbidden, isUuid, notFound, unauthenticated, type Identity } from "@scg/shared";
import type { DataSource, EntityManager } from "typeorm";
import { Event } from "../entities/event.entity.js";
import { Registration } from "../entities/registration.entity.js";
import { checkAttendee } from "./event-input.js";
import { administersEvent } from "./event-permissions.js";
import { returningRows } from "./returning-rows.js";

/** Thrown inside a registration transaction to roll it back when a concurrent repeat won the race. */
class RepeatedRegistration extends Error {}

function findActive(manager: EntityManager, eventId: string, email: string): Promise<Registration | null> {
  return manager
    .getRepository(Registration)
    .createQueryBuilder("r")
    .where("r.event_id = :eventId AND lower(r.attendee_email) = lower(:email) AND r.cancelled_at IS NULL", { eventId, email })
    .getOne();
}

/**
 * Takes one seat, atomically: the UPDATE decrements `seats_left` only where a seat is left and
 * the event is open, not cancelled and not started, so however many requests arrive at once the
 * database never gives out more seats than `capacity` (and the CHECK forbids a negative count).
 * The UPDATE also locks the event's row until commit, so registrations for one event queue up.
 * Returns false when no seat was taken.
 */
async function takeSeat(manager: EntityManager, eventId: string): Promise<boolean> {
  const rows = await returningRows(
    manager,
    `UPDATE "events"."event"
        SET "seats_left" = CASE WHEN "capacity" IS NULL THEN NULL ELSE "seats_left" - 1 END
      WHERE "id" = $1 AND "cancelled_at" IS NULL AND "registration_open" AND "starts_at" > now()
        AND ("capacity" IS NULL OR "seats_left" > 0)
      RETURNING "id"`,
    [eventId],
  );
  return rows.length === 1;
}

/** Why no seat could be taken, as the error the caller gets. */
async function refusal(manager: EntityManager, eventId: string): Promise<AppError | null> {
  const rows: { title: string; sample: boolean; cancelled: boolean; open: boolean; started: boolean; full: boolean }[] = await manager.query(
    `SELECT "title", "provenance_kind" = 'SAMPLE' AS "sample", "cancelled_at" IS NOT NULL AS "cancelled", "registration_open" AS "open", "starts_at" <= now() AS "started",
            ("capacity" IS NOT NULL AND "seats_left" <= 0) AS "full"
       FROM "events"."event" WHERE "id" = $1`,
    [eventId],
  );
  const event = rows[0];
  if (!event) return notFound(`No event with id "${eventId}" exists.`, { argument: "eventId" });
  if (event.sample) {
    return new AppError(ErrorCode.EVENT_NOT_OPEN, `"${event.title}" is a generated sample event (development data), not a real one; it takes no registrations.`);
  }
  if (event.cancelled) return conflict(`"${event.title}" was cancelled; it takes no registrations.`, { reason: "EVENT_CANCELLED" });
  if (event.started) return conflict(`"${event.title}" has already started; registration is over.`, { reason: "EVENT_STARTED" });
  if (!event.open) return conflict(`Registration for "${event.title}" is closed.`, { reason: "REGISTRATION_CLOSED" });
  if (event.full) return new AppError(ErrorCode.EVENT_FULL, `"${event.title}" is full: every seat is taken.`);
  return null; // a seat was freed in the meantime: try again
}

/**
 * Registers an attendee for an event: open to anyone (no sign-in) while registration is open.
 * Idempotent per (event, email, case-insensitive): a repeat returns the existing active
 * registration and takes no second seat, also when the two requests race (the unique partial
 * index lets only one insert win; the loser's transaction rolls back its seat). Refused with
 * EVENT_FULL when no seat is left, and with CONFLICT (extensions.reason EVENT_CANCELLED,
 * EVENT_STARTED or REGISTRATION_CLOSED) otherwise. Seat and registration are written in one
 * transaction: both or neither.
 */
export async function registerForEvent(dataSource: DataSource, eventId: string, attendeeInput: { name: string; email: string }): Promise<Registration> {
  const attendee = checkAttendee(attendeeInput);
  if (!isUuid(eventId)) throw notFound(`No event with id "${eventId.slice(0, 80)}" exists.`, { argument: "eventId" });
  const id = eventId.toLowerCase();
  const existing = await findActive(dataSource.manager, id, attendee.email);
  if (existing) return existing;
  for (let attempt = 0; ; attempt++) {
    try {
      const registration = await dataSource.transaction(async (manager) => {
        if (!(await takeSeat(manager, id))) {
          const repeat = await findActive(manager, id, attendee.email);
          if (repeat) return repeat;
          const error = await refusal(manager, id);
          if (error) throw error;
          return null;
        }
        const inserted = await returningRows<{ id: string }>(
          manager,
          `INSERT INTO "events"."registration" ("id", "event_id", "attendee_name", "attendee_email")
           VALUES ($1, $2, $3, $4)
           ON CONFLICT ("event_id", lower("attendee_email")) WHERE "cancelled_at" IS NULL DO NOTHING
           RETURNING "id"`,
          [randomUUID(), id, attendee.name, attendee.email],
        );
        if (inserted.length === 0) throw new RepeatedRegistration();
        return manager.findOneByOrFail(Registration, { id: inserted[0].id });
      });
      if (registration) return registration;
    } catch (error) {
      if (!(error instanceof RepeatedRegistration)) throw error;
      const winner = await findActive(dataSource.manager, id, attendee.email);
      if (winner) return winner;
    }
    if (attempt >= 3) throw new AppError(ErrorCode.EVENT_FULL, `The event "${id}" has no seat left right now; please try again.`);
  }
}

/**
 * Cancels a registration and frees its seat, in one transaction. Allowed to the event's admins,
 * and to anyone who gives the email the registration was made with (the registrant: the random
 * registration id is handed only to them). Cancelling twice frees one seat only.
 * Locks the event row first, then the registration, the same order as registerForEvent.
 */
export async function cancelRegistration(
  dataSource: DataSource,
  identity: Identity | null,
  registrationId: string,
  email: string | null | undefined,
): Promise<Registration> {
  const missing = () => notFound(`No registration with id "${registrationId.slice(0, 80)}" exists.`, { argument: "id" });
  if (!isUuid(registrationId)) throw missing();
  const registration = await dataSource.getRepository(Registration).findOneBy({ id: registrationId.toLowerCase() });
  if (!registration) throw missing();
  const event = await dataSource.getRepository(Event).findOneByOrFail({ id: registration.eventId });
  if (!administersEvent(identity, event)) {
    if (email == null) {
      if (!identity) throw unauthenticated("Give the email the registration was made with, or sign in as an admin of the event, to cancel it.");
      throw forbidden(`You may not cancel a registration for "${event.title}" without the email it was made with.`);
    }
    if (email.trim().toLowerCase() !== registration.attendeeEmail.toLowerCase()) {
      throw forbidden(`The email given is not the one this registration for "${event.title}" was made with.`);
    }
  }
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT "id" FROM "events"."event" WHERE "id" = $1 FOR UPDATE`, [event.id]);
    const cancelled = await returningRows(
      manager,
      `UPDATE "events"."registration" SET "cancelled_at" = now() WHERE "id" = $1 AND "cancelled_at" IS NULL RETURNING "id"`,
      [registration.id],
    );
    if (cancelled.length === 1) {
      await manager.query(`UPDATE "events"."event" SET "seats_left" = "seats_left" + 1 WHERE "id" = $1 AND "capacity" IS NOT NULL`, [event.id]);
    }
    return manager.findOneByOrFail(Registration, { id: registration.id });
  });
}
