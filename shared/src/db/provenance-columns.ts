import type { QueryRunner } from "typeorm";

/**
 * SQL for the provenance columns a table gains (see graphql/provenance.ts), backfilled from what the
 * table already knew. Used by migrations: what it writes must never change once a migration that
 * uses it has run (add a new helper instead).
 *
 * `kind` and `source` are SQL expressions over the table's existing columns; `enteredBy` and
 * `enteredAt` too, for rows people created.
 */
export async function addProvenanceColumns(
  q: QueryRunner,
  table: string,
  backfill: { kind: string; source: string; enteredBy?: string; enteredAt?: string; index?: boolean },
): Promise<void> {
  const [schema, name] = table.split(".");
  const quoted = `"${schema}"."${name}"`;
  await q.query(`ALTER TABLE ${quoted}
    ADD COLUMN "provenance_kind" text,
    ADD COLUMN "provenance_source" text,
    ADD COLUMN "provenance_url" text,
    ADD COLUMN "provenance_licence" text,
    ADD COLUMN "provenance_retrieved_on" date,
    ADD COLUMN "provenance_last_verified_on" date,
    ADD COLUMN "provenance_entered_by" text,
    ADD COLUMN "provenance_entered_at" timestamptz`);
  await q.query(`UPDATE ${quoted} SET
    "provenance_kind" = ${backfill.kind},
    "provenance_source" = ${backfill.source},
    "provenance_entered_by" = ${backfill.enteredBy ?? "NULL"},
    "provenance_entered_at" = ${backfill.enteredAt ?? "NULL"}`);
  await q.query(`ALTER TABLE ${quoted}
    ALTER COLUMN "provenance_kind" SET NOT NULL,
    ALTER COLUMN "provenance_source" SET NOT NULL,
    ADD CONSTRAINT "${name}_provenance_kind_check" CHECK ("provenance_kind" IN ('REAL', 'SAMPLE', 'SYNTHETIC', 'ENTERED'))`);
  if (backfill.index) await q.query(`CREATE INDEX "${name}_provenance_kind_idx" ON ${quoted} ("provenance_kind")`);
}
