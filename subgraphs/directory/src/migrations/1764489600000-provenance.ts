import { addProvenanceColumns } from "@scg/shared";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Provenance on every record (DESIGN, second round): the free-text `source` becomes
 * `provenance_source`, beside its kind, URL, licence and dates; the import fills them in exactly.
 * Organizations gain the network's facts DESIGN names (email, countries served).
 */
export class Provenance1764489600000 implements MigrationInterface {
  name = "Provenance1764489600000";

  async up(q: QueryRunner): Promise<void> {
    await addProvenanceColumns(q, "directory.country", { kind: `'REAL'`, source: `"source"` });
    await addProvenanceColumns(q, "directory.community", {
      kind: `CASE WHEN "source" = 'synthetic' THEN 'SYNTHETIC' ELSE 'REAL' END`,
      source: `"source"`,
      index: true,
    });
    await addProvenanceColumns(q, "directory.organization", { kind: `'REAL'`, source: `"source"` });
    for (const table of ["country", "community", "organization"]) await q.query(`ALTER TABLE "directory"."${table}" DROP COLUMN "source"`);
    await q.query(`ALTER TABLE "directory"."organization" ADD COLUMN "email" text, ADD COLUMN "countries_served" int CHECK ("countries_served" > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "directory"."organization" DROP COLUMN "email", DROP COLUMN "countries_served"`);
    for (const table of ["country", "community", "organization"]) {
      await q.query(`ALTER TABLE "directory"."${table}" ADD COLUMN "source" text`);
      await q.query(`UPDATE "directory"."${table}" SET "source" = "provenance_source"`);
      await q.query(`ALTER TABLE "directory"."${table}" ALTER COLUMN "source" SET NOT NULL`);
      await q.query(`ALTER TABLE "directory"."${table}" DROP COLUMN "provenance_kind", DROP COLUMN "provenance_source", DROP COLUMN "provenance_url",
        DROP COLUMN "provenance_licence", DROP COLUMN "provenance_retrieved_on", DROP COLUMN "provenance_last_verified_on",
        DROP COLUMN "provenance_entered_by", DROP COLUMN "provenance_entered_at"`);
    }
  }
}
