import { createGroupLoader, createKeyLoader, loaderFamily } from "@scg/shared";
import { In, type DataSource } from "typeorm";
import { findEventsOfOwners, type EventOwnerColumn, type OwnerListArgs } from "../domain/event-queries.js";
import { Event } from "../entities/event.entity.js";
import { Registration } from "../entities/registration.entity.js";

export interface RegistrationListArgs {
  limit: number;
  includeCancelled: boolean;
}

/** One loader per access path; a new set for every request (never shared across callers). */
export function createLoaders(dataSource: DataSource) {
  const events = dataSource.getRepository(Event);
  const ownerColumn: Record<EventOwnerColumn, keyof Event> = {
    host_community_id: "hostCommunityId",
    organizer_id: "organizerId",
    program_id: "programId",
  };
  return {
    eventById: createKeyLoader(
      (ids: readonly string[]) => events.findBy({ id: In([...ids]) }),
      (event) => event.id,
    ),
    /**
     * The events of hosts, organizers or programs: one loader (one statement per batch) for each
     * owner kind and argument set, since `first`/`when` shape the SQL.
     */
    eventsOf: loaderFamily(
      ({ column, args }: { column: EventOwnerColumn; args: OwnerListArgs }) =>
        createGroupLoader(
          (ids: readonly string[]) => findEventsOfOwners(dataSource, column, ids, args),
          (event) => event[ownerColumn[column]] as string,
        ),
      ({ column, args }) => `${column}|${args.when}|${args.limit}`,
    ),
    /** The registrations of events, oldest first, at most `limit` per event, in one statement per batch. */
    registrationsOf: loaderFamily(
      (args: RegistrationListArgs) =>
        createGroupLoader(
          (eventIds: readonly string[]) =>
            dataSource
              .getRepository(Registration)
              .createQueryBuilder("r")
              .where(
                `r.id IN (SELECT ranked.id FROM (
                   SELECT id, row_number() OVER (PARTITION BY event_id ORDER BY created_at, id) AS position
                   FROM events.registration WHERE event_id = ANY(:eventIds) ${args.includeCancelled ? "" : "AND cancelled_at IS NULL"}
                 ) ranked WHERE ranked.position <= :limit)`,
                { eventIds: [...eventIds], limit: args.limit },
              )
              .orderBy("r.created_at", "ASC")
              .addOrderBy("r.id", "ASC")
              .getMany(),
          (registration) => registration.eventId,
        ),
      (args) => `${args.limit}|${args.includeCancelled}`,
    ),
  };
}

export type EventsLoaders = ReturnType<typeof createLoaders>;
