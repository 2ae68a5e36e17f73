import type { Logger } from "@scg/shared";
import { SYNTHETIC_PROVENANCE, writeInChunks, type SyntheticImportReport, type SyntheticNetwork } from "@scg/shared/data";
import type { DataSource } from "typeorm";
import { zonedInstant } from "../domain/time-zones.js";
import { generateSampleEvents } from "./sample-calendar.js";

const SAMPLE_PREFIX = "Sample event (generated, not a real record)";
const SYNTHETIC_PREFIX = "Synthetic event (scale-test data, not a real record)";

/**
 * The delegation visits and festivals of the synthetic programs, made exactly as the sample
 * calendar makes them from the sample programs, every one SYNTHETIC.
 */
export function syntheticEvents(network: SyntheticNetwork) {
  return generateSampleEvents(network.programs).map((e) => ({
    id: e.id, title: e.title, kind: e.kind, description: e.description.replace(SAMPLE_PREFIX, SYNTHETIC_PREFIX),
    startsAt: zonedInstant(e.firstDay, e.startTime, e.timezone).toISOString(),
    endsAt: zonedInstant(e.lastDay, e.endTime, e.timezone).toISOString(),
    timezone: e.timezone, hostCommunityId: e.hostCommunityId, hostCountryCode: e.host.countryCode, hostRegionCode: e.host.regionCode,
    organizerId: e.organizerId, programId: e.programId, capacity: e.capacity, registrationOpen: e.registrationOpen,
  }));
}

/**
 * Writes the synthetic programs' events (seats all free) in one transaction of 1,000-row inserts.
 * Existing rows are left alone (ON CONFLICT DO NOTHING): re-running adds nothing and never resets
 * the seats of an event people have registered for.
 */
export async function importSynthetic(dataSource: DataSource, network: SyntheticNetwork, log: Pick<Logger, "info">): Promise<SyntheticImportReport> {
  const events = syntheticEvents(network);
  return dataSource.transaction(async (manager) => {
    const added = await writeInChunks(
      events,
      async (chunk) => {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO "events"."event"
             ("id", "title", "kind", "description", "starts_at", "ends_at", "timezone", "host_community_id", "host_country_code",
              "host_region_code", "organizer_id", "program_id", "capacity", "seats_left", "registration_open", "provenance_kind", "provenance_source")
           SELECT id, title, kind, description, starts_at, ends_at, timezone, host_community_id, host_country_code,
                  host_region_code, organizer_id, program_id, capacity, capacity, registration_open, 'SYNTHETIC', $15::text
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::uuid[],
                       $9::text[], $10::text[], $11::uuid[], $12::uuid[], $13::int[], $14::boolean[])
             AS data(id, title, kind, description, starts_at, ends_at, timezone, host_community_id, host_country_code,
                     host_region_code, organizer_id, program_id, capacity, registration_open)
           ON CONFLICT DO NOTHING RETURNING 1`,
          [
            chunk.map((e) => e.id), chunk.map((e) => e.title), chunk.map((e) => e.kind), chunk.map((e) => e.description),
            chunk.map((e) => e.startsAt), chunk.map((e) => e.endsAt), chunk.map((e) => e.timezone), chunk.map((e) => e.hostCommunityId),
            chunk.map((e) => e.hostCountryCode), chunk.map((e) => e.hostRegionCode), chunk.map((e) => e.organizerId),
            chunk.map((e) => e.programId), chunk.map((e) => e.capacity), chunk.map((e) => e.registrationOpen), SYNTHETIC_PROVENANCE.source,
          ],
        );
        return inserted.length;
      },
      (done, total) => log.info(`events: synthetic events ${done}/${total}`),
    );
    return { "events.event": { rows: events.length, added } };
  });
}
