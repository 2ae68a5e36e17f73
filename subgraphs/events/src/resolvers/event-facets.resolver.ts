import { computedOnFirstRead, FacetBucket, type Deferred } from "@scg/shared";
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { EventsContext } from "../context.js";
import { EVENT_FACETS, eventFacets, type EventFacetValues } from "../domain/event-facets.js";
import { EventFilter } from "./event-filter.input.js";

@ObjectType({ description: "Counts of the events a filter matches, by dimension: each facet's buckets add up to `total` (the calendar's totalCount)." })
export class EventFacets {
  @Field(() => Int, { description: "How many events match (the calendar's totalCount)." })
  total: number;

  @Field(() => [FacetBucket], { description: "By kind (conference, delegation visit, festival…)." })
  byKind: FacetBucket[];

  @Field(() => [FacetBucket], { description: 'By the month the event starts in, in its own time zone ("2026-05", labelled "May 2026"), in calendar order.' })
  byMonth: FacetBucket[];

  @Field(() => [FacetBucket], { description: 'By the host community\'s country (ISO code; "none" for online events without a host).' })
  byCountry: FacetBucket[];
}

@Resolver(() => EventFacets)
export class EventFacetsResolver {
  @Query(() => EventFacets, { description: "Counts of the events that match a filter, by kind, month and host country: one statement, however many facets are asked." })
  eventFacets(
    @Ctx() { dataSource }: EventsContext,
    @Arg("filter", () => EventFilter, { nullable: true, description: "The same filter as `events`." }) filter?: EventFilter | null,
  ): Deferred<EventFacetValues> {
    return computedOnFirstRead(eventFacets(dataSource, filter ?? {}), EVENT_FACETS);
  }
}
