import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Events and registrations. Seat capacity lives in the database: `seats_left` can never go
 * below zero or above `capacity` (CHECK), and one active registration per (event, email)
 * is a unique partial index, so repeats and races cannot take a second seat.
 */
export class CreateEvents1764316800000 implements MigrationInterface {
  name = "CreateEvents1764316800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "events"."event" (
      "id" uuid NOT NULL,
      "title" text NOT NULL,
      "kind" text NOT NULL,
      "description" text,
      "starts_at" timestamptz NOT NULL,
      "ends_at" timestamptz NOT NULL,
      "timezone" text NOT NULL,
      "venue" text,
      "host_community_id" uuid,
      "host_country_code" char(2),
      "host_region_code" text,
      "organizer_id" uuid,
      "program_id" uuid,
      "capacity" int,
      "seats_left" int,
      "registration_open" boolean NOT NULL DEFAULT false,
      "url" text,
      "source" text NOT NULL,
      "cancelled_at" timestamptz,
      "cancellation_reason" text,
      "version" int NOT NULL DEFAULT 1,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "event_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "event_kind_check" CHECK ("kind" IN ('ANNUAL_CONFERENCE', 'YOUTH_SUMMIT', 'DELEGATION_VISIT', 'FESTIVAL', 'WEBINAR', 'MEETING', 'OTHER')),
      CONSTRAINT "event_period_check" CHECK ("ends_at" >= "starts_at"),
      CONSTRAINT "event_seats_check" CHECK (("capacity" IS NULL AND "seats_left" IS NULL) OR ("capacity" >= 0 AND "seats_left" >= 0 AND "seats_left" <= "capacity"))
    )`);
    await q.query(`CREATE INDEX "event_starts_at_id_idx" ON "events"."event" ("starts_at", "id")`);
    await q.query(`CREATE INDEX "event_host_starts_at_idx" ON "events"."event" ("host_community_id", "starts_at")`);
    await q.query(`CREATE INDEX "event_organizer_starts_at_idx" ON "events"."event" ("organizer_id", "starts_at")`);
    await q.query(`CREATE INDEX "event_program_starts_at_idx" ON "events"."event" ("program_id", "starts_at")`);
    await q.query(`CREATE INDEX "event_country_region_starts_at_idx" ON "events"."event" ("host_country_code", "host_region_code", "starts_at")`);
    await q.query(`CREATE TABLE "events"."registration" (
      "id" uuid NOT NULL,
      "event_id" uuid NOT NULL,
      "attendee_name" text NOT NULL,
      "attendee_email" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "cancelled_at" timestamptz,
      CONSTRAINT "registration_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "registration_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"."event" ("id")
    )`);
    await q.query(`CREATE INDEX "registration_event_created_idx" ON "events"."registration" ("event_id", "created_at", "id")`);
    await q.query(
      `CREATE UNIQUE INDEX "registration_event_email_active_key" ON "events"."registration" ("event_id", lower("attendee_email")) WHERE "cancelled_at" IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "events"."registration"`);
    await q.query(`DROP TABLE "events"."event"`);
  }
}
