import { DateTimeScalar, PROVENANCE_FILTER_DESCRIPTION, ProvenanceKind } from "@scg/shared";
import { Field, ID, InputType } from "type-graphql";
import { EventKind } from "../entities/event-kind.js";

@InputType({ description: "Narrows the calendar; every field given must match." })
export class EventFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: "Events that have not ended before this instant." })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Events that start no later than this instant. Before `from`: an error." })
  to?: Date | null;

  @Field(() => [EventKind], { nullable: true, description: "Events of any of these kinds." })
  kinds?: EventKind[] | null;

  @Field(() => ID, { nullable: true, description: 'Events hosted in this country (ISO 3166-1 alpha-2, such as "US").' })
  countryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Events hosted in this US state (USPS code, such as "MN").' })
  regionCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Also list cancelled events (left out by default)." })
  includeCancelled?: boolean | null;

  @Field(() => [ProvenanceKind], { nullable: true, description: PROVENANCE_FILTER_DESCRIPTION })
  provenance?: ProvenanceKind[] | null;
}
