import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * What `communities(orderBy:)` reads, indexed with the id tie-break:
 * - NAME: the folded name in byte order (COLLATE "C": the same on every server, and the order
 *   JavaScript compares strings in, so cursors agree with the rows);
 * - PARTNERSHIP_COUNT: how many partnerships each community has (any status), as the partnerships
 *   subgraph counts them — a projection kept here so the order is one indexed query. The import
 *   computes it from the same data the partnerships import reads; the partnerships subgraph sends
 *   the new counts after every proposal (recordPartnershipCounts).
 */
export class CommunityOrder1764576000000 implements MigrationInterface {
  name = "CommunityOrder1764576000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "directory"."community" ADD COLUMN "partnership_count" int NOT NULL DEFAULT 0 CHECK ("partnership_count" >= 0)`);
    await q.query(`CREATE INDEX "community_partnership_count_idx" ON "directory"."community" ("partnership_count", "id")`);
    await q.query(`CREATE INDEX "community_name_order_idx" ON "directory"."community" (("search_text" COLLATE "C"), "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "directory"."community_name_order_idx"`);
    await q.query(`DROP INDEX "directory"."community_partnership_count_idx"`);
    await q.query(`ALTER TABLE "directory"."community" DROP COLUMN "partnership_count"`);
  }
}
