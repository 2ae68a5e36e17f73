import { communityId, FACTS_COLLECTED_ON, imported, organizationId, publicFact, stableId, type Logger, type SeedOptions } from "@scg/shared";
import { generateSamplePrograms, SAMPLE_PROVENANCE } from "@scg/shared/data";
import type { DataSource } from "typeorm";
import { zonedInstant } from "../domain/time-zones.js";
import { Event } from "../entities/event.entity.js";
import { NETWORK_EVENTS } from "./network-events.js";
import { placeOfSlug } from "./place-of-community.js";
import { generateSampleEvents } from "./sample-calendar.js";

export interface EventsImportReport {
  networkEvents: number;
  sampleEvents: number;
}

const CHUNK = 500;

/**
 * Columns a re-import refreshes. Capacity, seats, registration state and cancellation belong to
 * the live calendar (registrations change them), so a re-import never resets them.
 */
const REFRESHED = [
  "title", "kind", "description", "starts_at", "ends_at", "timezone", "venue", "host_community_id", "host_country_code",
  "host_region_code", "organizer_id", "program_id", "url", "provenance_kind", "provenance_source", "provenance_url",
  "provenance_licence", "provenance_retrieved_on", "provenance_last_verified_on",
];

type EventRow = Omit<Event, "createdAt" | "updatedAt" | "source">;

/** The first web address a citation names ("sister-cities.org/YLS (archived 2015-02-01)" → sister-cities.org/YLS). */
export function firstAddress(citation: string): string | null {
  const match = /(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s;()"…]*)?/i.exec(citation);
  return match ? match[0].replace(/\/$/, "") : null;
}

/**
 * Seeds the calendar: the network's real conferences and summits (network-events.ts, each with the
 * page it comes from) always, and — only when `sample` is set, in the development profile — the
 * generated sample of delegation visits and festivals (sample-calendar.ts), every one SAMPLE and
 * closed to registration. Ids are stable, so re-running inserts nothing twice; one transaction.
 */
export async function importEvents(dataSource: DataSource, log: Pick<Logger, "info">, { sample: withSample }: SeedOptions): Promise<EventsImportReport> {
  const sci = organizationId("sister-cities-international");
  const network: EventRow[] = NETWORK_EVENTS.map((e) => {
    const place = e.hostSlug ? placeOfSlug(e.hostSlug) : null;
    return {
      id: stableId("event", e.key), title: e.title, kind: e.kind, description: e.description,
      startsAt: zonedInstant(e.firstDay, "09:00", e.timezone), endsAt: zonedInstant(e.lastDay, "17:00", e.timezone),
      timezone: e.timezone, venue: e.venue, hostCommunityId: e.hostSlug ? communityId(e.hostSlug) : null,
      hostCountryCode: place?.countryCode ?? null, hostRegionCode: place?.regionCode ?? null,
      organizerId: e.organizedBySci ? sci : null, programId: null, capacity: null, seatsLeft: null, registrationOpen: false,
      url: e.url, provenance: imported(publicFact(e.source, firstAddress(e.source)), { lastVerifiedOn: FACTS_COLLECTED_ON }),
      cancelledAt: null, cancellationReason: null, version: 1,
    };
  });
  const sample: EventRow[] = (withSample ? generateSampleEvents(generateSamplePrograms()) : []).map((e) => ({
    id: e.id, title: e.title, kind: e.kind, description: e.description,
    startsAt: zonedInstant(e.firstDay, e.startTime, e.timezone), endsAt: zonedInstant(e.lastDay, e.endTime, e.timezone),
    timezone: e.timezone, venue: null, hostCommunityId: e.hostCommunityId, hostCountryCode: e.host.countryCode,
    hostRegionCode: e.host.regionCode, organizerId: e.organizerId, programId: e.programId, capacity: e.capacity,
    seatsLeft: e.capacity, registrationOpen: false, url: null, provenance: SAMPLE_PROVENANCE, cancelledAt: null,
    cancellationReason: null, version: 1,
  }));
  const rows = [...network, ...sample];
  await dataSource.transaction(async (manager) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await manager.createQueryBuilder().insert().into(Event).values(rows.slice(i, i + CHUNK)).orUpdate(REFRESHED, ["id"]).execute();
    }
  });
  log.info(`events: ${network.length} network events${withSample ? ` and ${sample.length} sample events` : ""} written`);
  return { networkEvents: network.length, sampleEvents: sample.length };
}
