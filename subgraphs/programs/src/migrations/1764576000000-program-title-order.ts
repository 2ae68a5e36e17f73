import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * `programs(orderBy: {field: TITLE})` reads titles in byte order (COLLATE "C": the same on every
 * server, and the order JavaScript compares strings in, so cursors agree with the rows), with the
 * id tie-break; STARTS_ON already has its index.
 */
export class ProgramTitleOrder1764576000000 implements MigrationInterface {
  name = "ProgramTitleOrder1764576000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "program_title_order_idx" ON "programs"."program" (("title" COLLATE "C"), "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "programs"."program_title_order_idx"`);
  }
}
