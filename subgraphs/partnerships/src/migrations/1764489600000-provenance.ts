import { addProvenanceColumns } from "@scg/shared";
import type { MigrationInterface, QueryRunner } from "typeorm";

const ENTERED = `'Entered through the Sister Cities Graph API'`;

/**
 * Provenance on every record (DESIGN, second round). A partnership's free-text `source` and
 * `created_by` ("import", "synthetic" or the proposer) become its provenance; a signature's
 * `recorded_by`/`recorded_at` become the provenance of an ENTERED record (who and when).
 */
export class Provenance1764489600000 implements MigrationInterface {
  name = "Provenance1764489600000";

  async up(q: QueryRunner): Promise<void> {
    await addProvenanceColumns(q, "partnerships.partnership", {
      kind: `CASE "created_by" WHEN 'import' THEN 'REAL' WHEN 'synthetic' THEN 'SYNTHETIC' ELSE 'ENTERED' END`,
      source: `COALESCE("source", ${ENTERED})`,
      enteredBy: `CASE WHEN "created_by" NOT IN ('import', 'synthetic') THEN "created_by" END`,
      enteredAt: `CASE WHEN "created_by" NOT IN ('import', 'synthetic') THEN "created_at" END`,
      index: true,
    });
    await q.query(`ALTER TABLE "partnerships"."partnership" DROP COLUMN "source", DROP COLUMN "created_by"`);
    await addProvenanceColumns(q, "partnerships.signature", { kind: `'ENTERED'`, source: ENTERED, enteredBy: `"recorded_by"`, enteredAt: `"recorded_at"` });
    await q.query(`ALTER TABLE "partnerships"."signature" DROP COLUMN "recorded_by", DROP COLUMN "recorded_at"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "partnerships"."signature" ADD COLUMN "recorded_by" text, ADD COLUMN "recorded_at" timestamptz NOT NULL DEFAULT now()`);
    await q.query(`UPDATE "partnerships"."signature" SET "recorded_by" = "provenance_entered_by", "recorded_at" = "provenance_entered_at"`);
    await q.query(`ALTER TABLE "partnerships"."partnership" ADD COLUMN "source" text, ADD COLUMN "created_by" text`);
    await q.query(`UPDATE "partnerships"."partnership" SET "source" = "provenance_source",
      "created_by" = CASE "provenance_kind" WHEN 'REAL' THEN 'import' WHEN 'SYNTHETIC' THEN 'synthetic' ELSE "provenance_entered_by" END`);
    for (const table of ["partnership", "signature"]) {
      await q.query(`ALTER TABLE "partnerships"."${table}" DROP COLUMN "provenance_kind", DROP COLUMN "provenance_source", DROP COLUMN "provenance_url",
        DROP COLUMN "provenance_licence", DROP COLUMN "provenance_retrieved_on", DROP COLUMN "provenance_last_verified_on",
        DROP COLUMN "provenance_entered_by", DROP COLUMN "provenance_entered_at"`);
    }
  }
}
