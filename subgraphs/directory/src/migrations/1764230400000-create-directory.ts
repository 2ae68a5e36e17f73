import type { MigrationInterface, QueryRunner } from "typeorm";

/** Countries, communities and organizations, with an index for every filter. */
export class CreateDirectory1764230400000 implements MigrationInterface {
  name = "CreateDirectory1764230400000";

  async up(q: QueryRunner): Promise<void> {
    // pg_trgm is a trusted extension (a database owner may create it); it lives in public so every schema can use it.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
    await q.query(`CREATE TABLE "directory"."country" (
      "code" char(2) PRIMARY KEY,
      "name" text NOT NULL,
      "region" text,
      "subregion" text,
      "source" text NOT NULL
    )`);
    await q.query(`CREATE INDEX "country_region_idx" ON "directory"."country" ("region")`);
    await q.query(`CREATE TABLE "directory"."community" (
      "id" uuid PRIMARY KEY,
      "slug" text NOT NULL,
      "name" text NOT NULL,
      "search_text" text NOT NULL,
      "kind" text NOT NULL CHECK ("kind" IN ('CITY', 'COUNTY', 'STATE')),
      "country_code" char(2) NOT NULL REFERENCES "directory"."country" ("code"),
      "region_code" text,
      "region" text,
      "latitude" double precision CHECK ("latitude" BETWEEN -90 AND 90),
      "longitude" double precision CHECK ("longitude" BETWEEN -180 AND 180),
      "source" text NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX "community_slug_key" ON "directory"."community" ("slug")`);
    await q.query(`CREATE INDEX "community_country_region_slug_idx" ON "directory"."community" ("country_code", "region_code", "slug")`);
    await q.query(`CREATE INDEX "community_kind_idx" ON "directory"."community" ("kind")`);
    await q.query(`CREATE INDEX "community_search_trgm_idx" ON "directory"."community" USING gin ("search_text" public.gin_trgm_ops)`);
    await q.query(`CREATE TABLE "directory"."organization" (
      "id" uuid PRIMARY KEY,
      "slug" text NOT NULL,
      "name" text NOT NULL,
      "search_text" text NOT NULL,
      "description" text,
      "active_areas" text[] NOT NULL DEFAULT '{}',
      "age_groups" text[] NOT NULL DEFAULT '{}',
      "community_id" uuid REFERENCES "directory"."community" ("id"),
      "address" text,
      "phone" text,
      "website" text,
      "founded_year" int,
      "source" text NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX "organization_slug_key" ON "directory"."organization" ("slug")`);
    await q.query(`CREATE INDEX "organization_community_idx" ON "directory"."organization" ("community_id")`);
    await q.query(`CREATE INDEX "organization_active_areas_idx" ON "directory"."organization" USING gin ("active_areas")`);
    await q.query(`CREATE INDEX "organization_age_groups_idx" ON "directory"."organization" USING gin ("age_groups")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "directory"."organization"`);
    await q.query(`DROP TABLE "directory"."community"`);
    await q.query(`DROP TABLE "directory"."country"`);
  }
}
