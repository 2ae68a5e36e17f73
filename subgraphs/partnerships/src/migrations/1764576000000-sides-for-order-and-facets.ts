import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Each side's name (folded, for ordering partners by name) and world region (for the facets),
 * copied like its country and state codes: at import from the same data the directory imports,
 * and from the directory's answer on a proposal. The import fills them in for existing rows.
 */
export class SidesForOrderAndFacets1764576000000 implements MigrationInterface {
  name = "SidesForOrderAndFacets1764576000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "partnerships"."partnership"
      ADD COLUMN "community_a_sort_name" text,
      ADD COLUMN "community_b_sort_name" text,
      ADD COLUMN "community_a_world_region" text,
      ADD COLUMN "community_b_world_region" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "partnerships"."partnership"
      DROP COLUMN "community_a_sort_name", DROP COLUMN "community_b_sort_name",
      DROP COLUMN "community_a_world_region", DROP COLUMN "community_b_world_region"`);
  }
}
