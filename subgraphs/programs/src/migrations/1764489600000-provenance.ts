import { addProvenanceColumns } from "@scg/shared";
import type { MigrationInterface, QueryRunner } from "typeorm";

const KIND = `CASE "source" WHEN 'sample' THEN 'SAMPLE' WHEN 'synthetic' THEN 'SYNTHETIC' WHEN 'member' THEN 'ENTERED' ELSE 'REAL' END`;
const SOURCE = `CASE "source"
  WHEN 'sample' THEN 'Generated sample (development profile): an illustration of the network''s programs, not the record'
  WHEN 'synthetic' THEN 'Synthetic scale-test data (npm run seed:scale), shaped like the real network; not a record'
  WHEN 'member' THEN 'Entered through the Sister Cities Graph API'
  ELSE "source" END`;

/** Provenance on every record (DESIGN, second round): the free-text `source` ("sample", "member", a citation) becomes a provenance. */
export class Provenance1764489600000 implements MigrationInterface {
  name = "Provenance1764489600000";

  async up(q: QueryRunner): Promise<void> {
    await addProvenanceColumns(q, "programs.program", { kind: KIND, source: SOURCE, index: true });
    await addProvenanceColumns(q, "programs.exchange", { kind: KIND, source: SOURCE });
    await addProvenanceColumns(q, "programs.network_program", { kind: KIND, source: SOURCE });
    for (const table of ["program", "exchange", "network_program"]) await q.query(`ALTER TABLE "programs"."${table}" DROP COLUMN "source"`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["program", "exchange", "network_program"]) {
      await q.query(`ALTER TABLE "programs"."${table}" ADD COLUMN "source" text`);
      await q.query(`UPDATE "programs"."${table}" SET "source" = CASE "provenance_kind" WHEN 'SAMPLE' THEN 'sample' WHEN 'SYNTHETIC' THEN 'synthetic' WHEN 'ENTERED' THEN 'member' ELSE "provenance_source" END`);
      await q.query(`ALTER TABLE "programs"."${table}" ALTER COLUMN "source" SET NOT NULL`);
      await q.query(`ALTER TABLE "programs"."${table}" DROP COLUMN "provenance_kind", DROP COLUMN "provenance_source", DROP COLUMN "provenance_url",
        DROP COLUMN "provenance_licence", DROP COLUMN "provenance_retrieved_on", DROP COLUMN "provenance_last_verified_on",
        DROP COLUMN "provenance_entered_by", DROP COLUMN "provenance_entered_at"`);
    }
  }
}
