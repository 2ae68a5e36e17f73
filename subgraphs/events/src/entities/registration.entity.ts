import { DateTimeScalar, Provenance, ProvenanceKind } from "@scg/shared";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { Event } from "./event.entity.js";

@ObjectType({ description: "One person's place at an event. The attendee's name and email are personal data (see `attendee`)." })
@Entity({ name: "registration" })
@Index("registration_event_created_idx", ["eventId", "createdAt", "id"])
// One active registration per (event, email, case-insensitive): a partial expression index,
// created by the migration (TypeORM cannot express it). It makes repeats idempotent.
@Index("registration_event_email_active_key", { synchronize: false })
export class Registration {
  @Field(() => ID, { description: "Random id: it is handed only to whoever registered (with their email, it lets them cancel)." })
  @PrimaryColumn({ type: "uuid" })
  id: string;

  /** The event's id; `event` resolves it. */
  @Column({ type: "uuid", name: "event_id" })
  eventId: string;

  @ManyToOne(() => Event, { nullable: false })
  @JoinColumn({ name: "event_id", foreignKeyConstraintName: "registration_event_id_fkey" })
  event?: Event;

  @Column({ type: "text", name: "attendee_name" })
  attendeeName: string;

  /** As given (trimmed); compared case-insensitively. */
  @Column({ type: "text", name: "attendee_email" })
  attendeeEmail: string;

  @Field(() => DateTimeScalar, { description: "When the registration was made." })
  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was cancelled (its seat freed); null while active." })
  @Column({ type: "timestamptz", name: "cancelled_at", nullable: true })
  cancelledAt: Date | null;

  /** Every registration is made through the API, by its attendee (who is personal data: see `attendee`). */
  @Field(() => Provenance, { description: "Always ENTERED: made through the API by the attendee, at `createdAt`." })
  get provenance(): Provenance {
    return Object.assign(new Provenance(), {
      kind: ProvenanceKind.ENTERED, source: "Entered through the Sister Cities Graph API by the attendee", url: null, licence: null,
      retrievedOn: null, lastVerifiedOn: null, enteredBy: null, enteredAt: this.createdAt,
    });
  }
}

@ObjectType({ description: "Who registered. Personal data: visible only to the event's admins and network staff." })
export class Attendee {
  @Field({ description: "The attendee's name, as given." })
  name: string;

  @Field({ description: "The attendee's email, as given." })
  email: string;
}
