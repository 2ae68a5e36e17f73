import { createGroupLoader, createKeyLoader } from "@scg/shared";
import type DataLoader from "dataloader";
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
  const ownerLoaders = new Map<string, DataLoader<string, Event[]>>();
  const registrationLoaders = new Map<string, DataLoader<string, Registration[]>>();
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
     * owner kind and argument set, since `first`/`upcoming` shape the SQL.
     */
    eventsOf(column: EventOwnerColumn, args: OwnerListArgs): DataLoader<string, Event[]> {
      const key = `${column}|${args.upcoming}|${args.limit}`;
      let loader = ownerLoaders.get(key);
      if (!loader) {
        loader = createGroupLoader(
          (ids: readonly string[]) => findEventsOfOwners(dataSource, column, ids, args),
          (event) => event[ownerColumn[column]] as string,
        );
        ownerLoaders.set(key, loader);
      }
      return loader;
    },
    /** The registrations of events, oldest first, at most `limit` per event, in one statement per batch. */
    registrationsOf(args: RegistrationListArgs): DataLoader<string, Registration[]> {
      const key = `${args.limit}|${args.includeCancelled}`;
      let loader = registrationLoaders.get(key);
      if (!loader) {
        loader = createGroupLoader(
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
        );
        registrationLoaders.set(key, loader);
      }
      return loader;
    },
  };
}

export type EventsLoaders = ReturnType<typeof createLoaders>;
