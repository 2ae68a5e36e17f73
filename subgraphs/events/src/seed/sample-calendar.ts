import { stableId } from "@scg/shared";
import { type SampleProgram } from "@scg/shared/data";
import { EventKind } from "../entities/event-kind.js";
import { addDays } from "../domain/time-zones.js";
import { placeOfSlug, timeZoneOf, type Place } from "./place-of-community.js";

/**
 * The generated calendar's "today" (the same day the sample programs' statuses are computed
 * against): events after it open for registration, events before it are the past. Fixed, so the
 * same sample programs always give the same events, whatever day the import runs.
 */
export const SAMPLE_REFERENCE_DATE = "2026-11-27";
export const SAMPLE_SOURCE = "sample";
/** A delegation's public visit lasts at most this many days, however long the exchange. */
export const MAX_VISIT_DAYS = 5;

/** One generated event, in local days and hours of its host's zone. */
export interface SampleEvent {
  id: string;
  title: string;
  kind: EventKind;
  description: string;
  firstDay: string;
  lastDay: string;
  startTime: string;
  endTime: string;
  timezone: string;
  hostCommunityId: string;
  host: Place;
  organizerId: string | null;
  programId: string;
  capacity: number | null;
  registrationOpen: boolean;
}

/** A deterministic number from a UUID (its first 32 bits). */
const numberOf = (uuid: string) => Number.parseInt(uuid.replace(/-/g, "").slice(0, 8), 16);

const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * Delegation visits and festivals tied to the sample programs, deterministic (no clock, no
 * randomness beyond the program ids):
 * - a festival program becomes a FESTIVAL on its own days, in its US community, 11:00–20:00,
 *   without a seat limit;
 * - every exchange of another program becomes a DELEGATION_VISIT hosted by the community the
 *   group travels to: the visit's public days (its first ≤ 5 days), 09:00–17:00, with 20–50 seats;
 *   a program without exchanges gets one visit at its start, hosted by its US community.
 * Registration is open for events after SAMPLE_REFERENCE_DATE. Missing optional fields of older
 * sample versions (names, exchanges) fall back to slugs and one visit per program.
 */
export function generateSampleEvents(programs: readonly SampleProgram[]): SampleEvent[] {
  const events: SampleEvent[] = [];
  for (const program of [...programs].sort((a, b) => a.id.localeCompare(b.id))) {
    const nameOf = (side: number) => program.communityNames?.[side] ?? program.communitySlugs[side];
    const placeOf = (side: number) => placeOfSlug(program.communitySlugs[side]);
    if (program.kind === "festival") {
      const host = placeOf(0);
      events.push({
        id: stableId("event", `sample:${program.id}:festival`),
        title: program.title,
        kind: EventKind.FESTIVAL,
        description: `Sample event (generated, not a real record). ${program.description}`,
        firstDay: program.startsOn,
        lastDay: program.endsOn && program.endsOn > program.startsOn ? program.endsOn : program.startsOn,
        startTime: "11:00",
        endTime: "20:00",
        timezone: timeZoneOf(host),
        hostCommunityId: program.communityIds[0],
        host,
        organizerId: program.organizerId,
        programId: program.id,
        capacity: null,
        registrationOpen: program.startsOn > SAMPLE_REFERENCE_DATE,
      });
      continue;
    }
    const visits = (program.exchanges ?? []).map((exchange) => ({
      key: exchange.id,
      to: program.communityIds.indexOf(exchange.toCommunityId),
      from: program.communityIds.indexOf(exchange.fromCommunityId),
      firstDay: exchange.departsOn,
      lastDay: earlier(exchange.returnsOn, addDays(exchange.departsOn, MAX_VISIT_DAYS - 1)),
    }));
    if (visits.length === 0) {
      visits.push({ key: "visit", to: 0, from: 1, firstDay: program.startsOn, lastDay: addDays(program.startsOn, 2) });
    }
    for (const visit of visits) {
      if (visit.to < 0 || visit.from < 0) continue; // an exchange outside the partnership: not a visit between sister cities
      const host = placeOf(visit.to);
      events.push({
        id: stableId("event", `sample:${program.id}:delegation-visit:${visit.key}`),
        title: `${nameOf(visit.from)} delegation visits ${nameOf(visit.to)}`,
        kind: EventKind.DELEGATION_VISIT,
        description: `Sample event (generated, not a real record): the public days of a delegation from ${nameOf(visit.from)} in ${nameOf(visit.to)}, for the program "${program.title}".`,
        firstDay: visit.firstDay,
        lastDay: visit.lastDay < visit.firstDay ? visit.firstDay : visit.lastDay,
        startTime: "09:00",
        endTime: "17:00",
        timezone: timeZoneOf(host),
        hostCommunityId: program.communityIds[visit.to],
        host,
        organizerId: program.organizerId,
        programId: program.id,
        capacity: 20 + (numberOf(program.id) % 31),
        registrationOpen: visit.firstDay > SAMPLE_REFERENCE_DATE,
      });
    }
  }
  return events;
}
