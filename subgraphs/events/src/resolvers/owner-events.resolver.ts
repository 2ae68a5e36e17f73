import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { EventsContext } from "../context.js";
import { EventTime, ownerListArgs } from "../domain/event-queries.js";
import { Event } from "../entities/event.entity.js";
import { CommunityRef, OrganizationRef, ProgramRef } from "../entities/references.js";

const WHEN = "Which events: UPCOMING (not over yet, soonest first; the default), PAST (over, most recent first) or ALL (earliest first). Cancelled events are left out.";
const UPCOMING = "true: as `when: UPCOMING`; false: as `when: PAST`. When given, it decides.";
const UPCOMING_DEPRECATED = "Use `when` (UPCOMING, PAST or ALL).";
const FIRST = "At most this many: 20 by default, at most 500.";

@Resolver(() => CommunityRef)
export class CommunityEventsResolver {
  // Nullable on purpose (as every field one subgraph adds to another's entity, where the contract
  // allows): when this subgraph is down, the gateway nulls just this field, not the community.
  @FieldResolver(() => [Event], { nullable: true, description: "Events this community hosts (null only when the events service is unavailable)." })
  events(
    @Root() community: CommunityRef,
    @Ctx() { loaders }: EventsContext,
    @Arg("first", () => Int, { nullable: true, description: FIRST }) first?: number | null,
    @Arg("when", () => EventTime, { nullable: true, defaultValue: EventTime.UPCOMING, description: WHEN }) when?: EventTime | null,
    @Arg("upcoming", () => Boolean, { nullable: true, description: UPCOMING, deprecationReason: UPCOMING_DEPRECATED }) upcoming?: boolean | null,
  ): Promise<Event[]> {
    return loaders.eventsOf({ column: "host_community_id", args: ownerListArgs(when, first, upcoming) }).load(community.id);
  }
}

@Resolver(() => OrganizationRef)
export class OrganizationEventsResolver {
  @FieldResolver(() => [Event], { nullable: true, description: "Events this organization organizes (null only when the events service is unavailable)." })
  events(
    @Root() organization: OrganizationRef,
    @Ctx() { loaders }: EventsContext,
    @Arg("first", () => Int, { nullable: true, description: FIRST }) first?: number | null,
    @Arg("when", () => EventTime, { nullable: true, defaultValue: EventTime.UPCOMING, description: WHEN }) when?: EventTime | null,
    @Arg("upcoming", () => Boolean, { nullable: true, description: UPCOMING, deprecationReason: UPCOMING_DEPRECATED }) upcoming?: boolean | null,
  ): Promise<Event[]> {
    return loaders.eventsOf({ column: "organizer_id", args: ownerListArgs(when, first, upcoming) }).load(organization.id);
  }
}

@Resolver(() => ProgramRef)
export class ProgramEventsResolver {
  @FieldResolver(() => [Event], {
    nullable: true,
    description: "Events of this program (delegation visits, festivals…); null only when the events service is unavailable.",
  })
  events(
    @Root() program: ProgramRef,
    @Ctx() { loaders }: EventsContext,
    @Arg("first", () => Int, { nullable: true, description: FIRST }) first?: number | null,
    @Arg("when", () => EventTime, { nullable: true, defaultValue: EventTime.UPCOMING, description: WHEN }) when?: EventTime | null,
    @Arg("upcoming", () => Boolean, { nullable: true, description: UPCOMING, deprecationReason: UPCOMING_DEPRECATED }) upcoming?: boolean | null,
  ): Promise<Event[]> {
    return loaders.eventsOf({ column: "program_id", args: ownerListArgs(when, first, upcoming) }).load(program.id);
  }
}
