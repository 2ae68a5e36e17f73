import type { MigrationInterface, QueryRunner } from "typeorm";
import { dataGenerationSql } from "@scg/shared";

/**
 * A data generation for the partnership table (see ExactCounts in @scg/shared): a counter that a
 * statement-level trigger bumps with every change, so a list's totalCount is counted once per
 * change of the table instead of on every page.
 */
export class ExactCounts1764662400000 implements MigrationInterface {
  name = "ExactCounts1764662400000";

  async up(q: QueryRunner): Promise<void> {
    for (const statement of dataGenerationSql("partnerships", "partnership").up) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const statement of dataGenerationSql("partnerships", "partnership").down) await q.query(statement);
  }
}
