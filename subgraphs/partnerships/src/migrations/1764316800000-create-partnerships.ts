import type { MigrationInterface, QueryRunner } from "typeorm";

/** Partnerships, their signatures and their status history, with an index for every filter and access path. */
export class CreatePartnerships1764316800000 implements MigrationInterface {
  name = "CreatePartnerships1764316800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "partnerships"."partnership" (
      "id" uuid NOT NULL,
      "status" text NOT NULL,
      "community_a_id" uuid NOT NULL,
      "community_a_country" char(2) NOT NULL,
      "community_a_region" text,
      "community_b_id" uuid NOT NULL,
      "community_b_country" char(2) NOT NULL,
      "community_b_region" text,
      "established_year" int,
      "established_on" date,
      "focus_areas" text[] NOT NULL DEFAULT '{}',
      "source" text,
      "created_by" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "version" int NOT NULL DEFAULT 1,
      CONSTRAINT "partnership_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "partnership_status_check" CHECK ("status" IN ('PROPOSED', 'ACTIVE', 'INACTIVE', 'TERMINATED')),
      CONSTRAINT "partnership_two_communities_check" CHECK ("community_a_id" <> "community_b_id"),
      CONSTRAINT "partnership_two_countries_check" CHECK ("community_a_country" <> "community_b_country"),
      CONSTRAINT "partnership_established_year_check" CHECK ("established_year" BETWEEN 1800 AND 2200)
    )`);
    // Community.sisterCities / partnershipCount: "community_a_id = ANY($1) OR community_b_id = ANY($1)" (a bitmap OR of these two).
    await q.query(`CREATE INDEX "partnership_community_a_idx" ON "partnerships"."partnership" ("community_a_id")`);
    await q.query(`CREATE INDEX "partnership_community_b_idx" ON "partnerships"."partnership" ("community_b_id")`);
    // Country / US-state filters and Country.partnerships, keyset-ordered by id.
    await q.query(`CREATE INDEX "partnership_a_country_region_idx" ON "partnerships"."partnership" ("community_a_country", "community_a_region", "id")`);
    await q.query(`CREATE INDEX "partnership_b_country_region_idx" ON "partnerships"."partnership" ("community_b_country", "community_b_region", "id")`);
    await q.query(`CREATE INDEX "partnership_status_idx" ON "partnerships"."partnership" ("status", "id")`);
    await q.query(`CREATE INDEX "partnership_focus_areas_idx" ON "partnerships"."partnership" USING gin ("focus_areas")`);
    // One open (proposed or active) partnership per pair of communities, in either order: concurrent
    // duplicate proposals (or a reactivation beside a new proposal) fail here instead of both succeeding.
    await q.query(`CREATE UNIQUE INDEX "partnership_open_pair_key" ON "partnerships"."partnership"
      (LEAST("community_a_id", "community_b_id"), GREATEST("community_a_id", "community_b_id"))
      WHERE "status" IN ('PROPOSED', 'ACTIVE')`);

    await q.query(`CREATE TABLE "partnerships"."signature" (
      "partnership_id" uuid NOT NULL,
      "community_id" uuid NOT NULL,
      "signatory_name" text NOT NULL,
      "signatory_title" text NOT NULL,
      "signed_on" date NOT NULL,
      "recorded_by" text NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "signature_pkey" PRIMARY KEY ("partnership_id", "community_id"),
      CONSTRAINT "signature_partnership_fk" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"."partnership" ("id") ON DELETE CASCADE
    )`);

    await q.query(`CREATE TABLE "partnerships"."status_change" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "partnership_id" uuid NOT NULL,
      "from_status" text,
      "to_status" text NOT NULL,
      "changed_by" text NOT NULL,
      "changed_at" timestamptz NOT NULL DEFAULT now(),
      "reason" text,
      CONSTRAINT "status_change_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "status_change_partnership_fk" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"."partnership" ("id") ON DELETE CASCADE
    )`);
    await q.query(`CREATE INDEX "status_change_partnership_idx" ON "partnerships"."status_change" ("partnership_id", "changed_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "partnerships"."status_change"`);
    await q.query(`DROP TABLE "partnerships"."signature"`);
    await q.query(`DROP TABLE "partnerships"."partnership"`);
  }
}
