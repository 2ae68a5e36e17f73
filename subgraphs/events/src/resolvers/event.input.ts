import { DateTimeScalar } from "@scg/shared";
import { Field, ID, InputType, Int } from "type-graphql";
import { EventKind } from "../entities/event-kind.js";

@InputType({ description: "A new event. Its host and organizer must be in the directory; you must administer one of them (or be staff)." })
export class CreateEventInput {
  @Field({ description: "What the event is called (1 to 200 characters)." })
  title: string;

  @Field(() => EventKind, { description: "What kind of gathering it is." })
  kind: EventKind;

  @Field(() => String, { nullable: true, description: "A few sentences about it (at most 5,000 characters)." })
  description?: string | null;

  @Field(() => DateTimeScalar, { description: "When it starts (RFC 3339, with offset)." })
  startsAt: Date;

  @Field(() => DateTimeScalar, { description: "When it ends; not before `startsAt`, at most a year after it." })
  endsAt: Date;

  @Field({ description: 'IANA time zone of the event, such as "America/Chicago".' })
  timezone: string;

  @Field(() => String, { nullable: true, description: "Where it happens." })
  venue?: string | null;

  @Field(() => ID, { nullable: true, description: "The host community's id (null for an online event; then an organizer or staff is needed)." })
  hostCommunityId?: string | null;

  @Field(() => ID, { nullable: true, description: "The organizing organization's id." })
  organizerId?: string | null;

  @Field(() => ID, { nullable: true, description: "The program the event belongs to (checked with the programs subgraph)." })
  programId?: string | null;

  @Field(() => Int, { nullable: true, description: "Seats (1 to 100,000); null: no limit." })
  capacity?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Whether registration opens right away (default true)." })
  registrationOpen?: boolean | null;

  @Field(() => String, { nullable: true, description: "The event's web page (http or https)." })
  url?: string | null;
}

@InputType({ description: "Changes to an event; only the fields given change. Host and organizer cannot change." })
export class UpdateEventInput {
  @Field(() => Int, { nullable: true, description: "The `version` you last read: if the event changed since, the update is refused (CONFLICT)." })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: "New title." })
  title?: string | null;

  @Field(() => EventKind, { nullable: true, description: "New kind." })
  kind?: EventKind | null;

  @Field(() => String, { nullable: true, description: "New description (null or empty clears it)." })
  description?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "New start." })
  startsAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "New end." })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: "New IANA time zone." })
  timezone?: string | null;

  @Field(() => String, { nullable: true, description: "New venue (null or empty clears it)." })
  venue?: string | null;

  @Field(() => ID, { nullable: true, description: "New program (null unties the event from its program)." })
  programId?: string | null;

  @Field(() => Int, { nullable: true, description: "New capacity, not below the active registrations; null removes the limit." })
  capacity?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Open or close registration." })
  registrationOpen?: boolean | null;

  @Field(() => String, { nullable: true, description: "New web page (null or empty clears it)." })
  url?: string | null;
}

@InputType({ description: "Who registers. Personal data: shown only to the event's admins and staff." })
export class AttendeeInput {
  @Field({ description: "The attendee's name (1 to 200 characters)." })
  name: string;

  @Field({ description: "The attendee's email; one active registration per email and event." })
  email: string;
}
