import { addProvenanceColumns } from "@scg/shared";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Provenance on every record (DESIGN, second round): an event's free-text `source` ("sample",
 * "synthetic", "user" or a citation) becomes its provenance; a generated (SAMPLE) event is never
 * open for registration, whatever it said before.
 */
export class Provenance1764489600000 implements MigrationInterface {
  name = "Provenance1764489600000";

  async up(q: QueryRunner): Promise<void> {
    await addProvenanceColumns(q, "events.event", {
      kind: `CASE "source" WHEN 'sample' THEN 'SAMPLE' WHEN 'synthetic' THEN 'SYNTHETIC' WHEN 'user' THEN 'ENTERED' ELSE 'REAL' END`,
      source: `CASE "source"
        WHEN 'sample' THEN 'Generated sample (development profile): an illustration of the network''s programs, not the record'
        WHEN 'synthetic' THEN 'Synthetic scale-test data (npm run seed:scale), shaped like the real network; not a record'
        WHEN 'user' THEN 'Entered through the Sister Cities Graph API'
        ELSE "source" END`,
      index: true,
    });
    await q.query(`ALTER TABLE "events"."event" DROP COLUMN "source"`);
    await q.query(`UPDATE "events"."event" SET "registration_open" = false WHERE "provenance_kind" = 'SAMPLE'`);
    await q.query(`ALTER TABLE "events"."event" ADD CONSTRAINT "event_sample_closed_check" CHECK ("provenance_kind" <> 'SAMPLE' OR NOT "registration_open")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "events"."event" DROP CONSTRAINT "event_sample_closed_check"`);
    await q.query(`ALTER TABLE "events"."event" ADD COLUMN "source" text`);
    await q.query(`UPDATE "events"."event" SET "source" = CASE "provenance_kind" WHEN 'SAMPLE' THEN 'sample' WHEN 'SYNTHETIC' THEN 'synthetic' WHEN 'ENTERED' THEN 'user' ELSE "provenance_source" END`);
    await q.query(`ALTER TABLE "events"."event" ALTER COLUMN "source" SET NOT NULL`);
    await q.query(`ALTER TABLE "events"."event" DROP COLUMN "provenance_kind", DROP COLUMN "provenance_source", DROP COLUMN "provenance_url",
      DROP COLUMN "provenance_licence", DROP COLUMN "provenance_retrieved_on", DROP COLUMN "provenance_last_verified_on",
      DROP COLUMN "provenance_entered_by", DROP COLUMN "provenance_entered_at"`);
  }
}
