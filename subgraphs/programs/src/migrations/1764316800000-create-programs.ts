import type { MigrationInterface, QueryRunner } from "typeorm";

/** Programs, their exchanges and the network-wide programs, with an index for every filter and access path. */
export class CreatePrograms1764316800000 implements MigrationInterface {
  name = "CreatePrograms1764316800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "programs"."program" (
      "id" uuid PRIMARY KEY,
      "partnership_id" uuid NOT NULL,
      "community_ids" uuid[] NOT NULL,
      "country_codes" text[] NOT NULL,
      "organizer_id" uuid,
      "title" text NOT NULL,
      "description" text NOT NULL,
      "areas" text[] NOT NULL,
      "age_groups" text[] NOT NULL,
      "starts_on" date NOT NULL,
      "ends_on" date,
      "source" text NOT NULL,
      CONSTRAINT "program_dates_check" CHECK ("ends_on" IS NULL OR "ends_on" >= "starts_on"),
      CONSTRAINT "program_community_ids_check" CHECK (cardinality("community_ids") = 2)
    )`);
    // Query.programs pages by (starts_on, id); Partnership.programs and Organization.programs batch by key.
    await q.query(`CREATE INDEX "program_starts_on_id_idx" ON "programs"."program" ("starts_on", "id")`);
    await q.query(`CREATE INDEX "program_partnership_idx" ON "programs"."program" ("partnership_id", "starts_on")`);
    await q.query(`CREATE INDEX "program_organizer_idx" ON "programs"."program" ("organizer_id")`);
    // The array filters (`&&`, "has any of") use GIN indexes.
    await q.query(`CREATE INDEX "program_areas_idx" ON "programs"."program" USING gin ("areas")`);
    await q.query(`CREATE INDEX "program_age_groups_idx" ON "programs"."program" USING gin ("age_groups")`);
    await q.query(`CREATE INDEX "program_country_codes_idx" ON "programs"."program" USING gin ("country_codes")`);

    await q.query(`CREATE TABLE "programs"."exchange" (
      "id" uuid PRIMARY KEY,
      "program_id" uuid NOT NULL,
      "from_community_id" uuid NOT NULL,
      "to_community_id" uuid NOT NULL,
      "departs_on" date NOT NULL,
      "returns_on" date NOT NULL,
      "participant_count" int NOT NULL,
      "age_groups" text[] NOT NULL,
      "description" text,
      "source" text NOT NULL,
      CONSTRAINT "exchange_program_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"."program" ("id") ON DELETE CASCADE,
      CONSTRAINT "exchange_dates_check" CHECK ("returns_on" >= "departs_on"),
      CONSTRAINT "exchange_participants_check" CHECK ("participant_count" > 0),
      CONSTRAINT "exchange_direction_check" CHECK ("from_community_id" <> "to_community_id")
    )`);
    await q.query(`CREATE INDEX "exchange_program_departs_idx" ON "programs"."exchange" ("program_id", "departs_on")`);
    await q.query(`CREATE INDEX "exchange_from_community_idx" ON "programs"."exchange" ("from_community_id")`);
    await q.query(`CREATE INDEX "exchange_to_community_idx" ON "programs"."exchange" ("to_community_id")`);

    await q.query(`CREATE TABLE "programs"."network_program" (
      "id" uuid PRIMARY KEY,
      "organizer_id" uuid NOT NULL,
      "host_community_id" uuid,
      "title" text NOT NULL,
      "description" text NOT NULL,
      "areas" text[] NOT NULL,
      "age_groups" text[] NOT NULL,
      "starts_on" date NOT NULL,
      "ends_on" date,
      "source" text NOT NULL,
      CONSTRAINT "network_program_dates_check" CHECK ("ends_on" IS NULL OR "ends_on" >= "starts_on")
    )`);
    await q.query(`CREATE INDEX "network_program_starts_on_id_idx" ON "programs"."network_program" ("starts_on", "id")`);
    await q.query(`CREATE INDEX "network_program_organizer_idx" ON "programs"."network_program" ("organizer_id")`);
    await q.query(`CREATE INDEX "network_program_areas_idx" ON "programs"."network_program" USING gin ("areas")`);
    await q.query(`CREATE INDEX "network_program_age_groups_idx" ON "programs"."network_program" USING gin ("age_groups")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "programs"."network_program"`);
    await q.query(`DROP TABLE "programs"."exchange"`);
    await q.query(`DROP TABLE "programs"."program"`);
  }
}
