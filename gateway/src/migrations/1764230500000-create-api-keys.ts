import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateApiKeys1764230500000 implements MigrationInterface {
  name = "CreateApiKeys1764230500000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "gateway"."api_key" (
      "id" uuid PRIMARY KEY,
      "name" text NOT NULL,
      "prefix" text NOT NULL,
      "key_hash" text NOT NULL,
      "origins" text[] NOT NULL DEFAULT '{}',
      "rate_limit_points" int NOT NULL CHECK ("rate_limit_points" > 0),
      "trusted_operations" text[],
      "allow_free_form" boolean NOT NULL DEFAULT false,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "revoked_at" timestamptz
    )`);
    await q.query(`CREATE UNIQUE INDEX "api_key_hash_key" ON "gateway"."api_key" ("key_hash")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "gateway"."api_key"`);
  }
}
