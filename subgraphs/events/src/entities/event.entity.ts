import { DateTimeScalar, Provenance, ProvenanceConstraints } from "@scg/shared";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from "typeorm";
import { EventKind } from "./event-kind.js";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A date on the network's calendar: a conference, a summit, a delegation visit, a festival…" })
@Entity({ name: "event" })
@ProvenanceConstraints("event", { indexed: true })
@Index("event_starts_at_id_idx", ["startsAt", "id"])
@Index("event_host_starts_at_idx", ["hostCommunityId", "startsAt"])
@Index("event_organizer_starts_at_idx", ["organizerId", "startsAt"])
@Index("event_program_starts_at_idx", ["programId", "startsAt"])
@Index("event_country_region_starts_at_idx", ["hostCountryCode", "hostRegionCode", "startsAt"])
@Check("event_kind_check", `"kind" IN ('ANNUAL_CONFERENCE', 'YOUTH_SUMMIT', 'DELEGATION_VISIT', 'FESTIVAL', 'WEBINAR', 'MEETING', 'OTHER')`)
@Check("event_period_check", `"ends_at" >= "starts_at"`)
@Check("event_sample_closed_check", `"provenance_kind" <> 'SAMPLE' OR NOT "registration_open"`)
@Check("event_seats_check", `("capacity" IS NULL AND "seats_left" IS NULL) OR ("capacity" >= 0 AND "seats_left" >= 0 AND "seats_left" <= "capacity")`)
export class Event {
  @Field(() => ID, { description: "Stable id (seeded events: a UUID derived from a natural key; created events: random)." })
  @PrimaryColumn({ type: "uuid" })
  id: string;

  @Field({ description: "What the event is called." })
  @Column({ type: "text" })
  title: string;

  @Field(() => EventKind, { description: "What kind of gathering it is." })
  @Column({ type: "text" })
  kind: EventKind;

  @Field(() => String, { nullable: true, description: "A few sentences about the event (theme, audience, what happens)." })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => DateTimeScalar, { description: "When it starts (an instant; `timezone` says which local time to show)." })
  @Column({ type: "timestamptz", name: "starts_at" })
  startsAt: Date;

  @Field(() => DateTimeScalar, { description: "When it ends (never before `startsAt`)." })
  @Column({ type: "timestamptz", name: "ends_at" })
  endsAt: Date;

  @Field({ description: 'IANA time zone of the event, such as "America/Chicago": show `startsAt`/`endsAt` in it.' })
  @Column({ type: "text" })
  timezone: string;

  @Field(() => String, { nullable: true, description: 'Where it happens ("The Mayflower Hotel, Washington, DC"; "Online").' })
  @Column({ type: "text", nullable: true })
  venue: string | null;

  /** The host community's id; `host` resolves it (a Community of the directory subgraph). */
  @Column({ type: "uuid", name: "host_community_id", nullable: true })
  hostCommunityId: string | null;

  /**
   * The host's country and US state, copied from the directory when the event is written, so
   * `events(filter: {countryCode, regionCode})` needs no call to another subgraph.
   */
  @Column({ type: "char", length: 2, name: "host_country_code", nullable: true })
  hostCountryCode: string | null;

  @Column({ type: "text", name: "host_region_code", nullable: true })
  hostRegionCode: string | null;

  /** The organizing organization's id; `organizer` resolves it. */
  @Column({ type: "uuid", name: "organizer_id", nullable: true })
  organizerId: string | null;

  /** The program the event belongs to, if any; `program` resolves it. */
  @Column({ type: "uuid", name: "program_id", nullable: true })
  programId: string | null;

  @Field(() => Int, { nullable: true, description: "How many people may register; null: no registration limit (or no registration)." })
  @Column({ type: "int", nullable: true })
  capacity: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Seats still free: always `capacity` minus the active registrations; null when there is no limit.",
  })
  @Column({ type: "int", name: "seats_left", nullable: true })
  seatsLeft: number | null;

  @Field({ description: "Whether registerForEvent accepts registrations (false once the event is cancelled, and always for a generated SAMPLE event)." })
  @Column({ type: "boolean", name: "registration_open", default: false })
  registrationOpen: boolean;

  @Field(() => String, { nullable: true, description: "The event's web page." })
  @Column({ type: "text", nullable: true })
  url: string | null;

  @Field(() => Provenance, {
    description: "Where this record comes from: the public page for the network's real events, SAMPLE for the generated calendar (development only), ENTERED for events created through the API (who and when).",
  })
  @Column(() => Provenance, { prefix: false })
  provenance: Provenance;

  @Field({ description: "Where this record comes from, in words (the same as `provenance.source`).", deprecationReason: "Use `provenance` (kind, source, URL, licence, dates)." })
  get source(): string {
    return this.provenance.source;
  }

  @Field(() => DateTimeScalar, { nullable: true, description: "When the event was cancelled; null while it is on." })
  @Column({ type: "timestamptz", name: "cancelled_at", nullable: true })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true, description: "Why the event was cancelled, when its admins said." })
  @Column({ type: "text", name: "cancellation_reason", nullable: true })
  cancellationReason: string | null;

  @Field(() => Int, { description: "Increases with every change; pass it as `expectedVersion` to updateEvent to refuse lost updates." })
  @Column({ type: "int", default: 1 })
  version: number;

  @Field(() => DateTimeScalar, { description: "When this record was created." })
  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: "When this record last changed." })
  @UpdateDateColumn({ type: "timestamptz", name: "updated_at" })
  updatedAt: Date;
}
