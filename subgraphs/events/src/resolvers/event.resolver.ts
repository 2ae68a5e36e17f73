import { forbidden, isUuid, markPrivate, OrderDirection, orderedCursor, parseOrderedPage, parsePage, unauthenticated } from "@scg/shared";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { EventsContext } from "../context.js";
import { administersEvent } from "../domain/event-permissions.js";
import { EVENT_STARTS_AT, findEvents } from "../domain/event-queries.js";
import { cancelEvent, createEvent, updateEvent } from "../domain/event-writes.js";
import { Event } from "../entities/event.entity.js";
import { CommunityRef, OrganizationRef, ProgramRef, refOf } from "../entities/references.js";
import { Registration } from "../entities/registration.entity.js";
import { EventConnection } from "./connections.js";
import { EventFilter } from "./event-filter.input.js";
import { EventOrder } from "./event-order.input.js";
import { CreateEventInput, UpdateEventInput } from "./event.input.js";

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true, description: "One event by id (cancelled ones too); null when unknown." })
  event(@Ctx() { loaders }: EventsContext, @Arg("id", () => ID, { description: "The event's id." }) id: string): Promise<Event | null> | null {
    return isUuid(id) ? loaders.eventById.load(id.toLowerCase()) : null;
  }

  @Query(() => EventConnection, { description: "The calendar: events by start (earliest first unless `orderBy` says otherwise), a page at a time." })
  async events(
    @Ctx() { dataSource }: EventsContext,
    @Arg("filter", () => EventFilter, { nullable: true, description: "Which events (every field given must match)." }) filter?: EventFilter | null,
    @Arg("orderBy", () => EventOrder, { nullable: true, description: "The order (by default: STARTS_AT, ascending). Ties are broken by id." }) orderBy?: EventOrder | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size: 20 by default, at most 500." }) first?: number | null,
    @Arg("after", () => String, { nullable: true, description: "Continue after this cursor (an endCursor of the same query)." }) after?: string | null,
  ) {
    const page = parseOrderedPage({ first, after }, EVENT_STARTS_AT, orderBy?.direction ?? OrderDirection.ASC);
    const { rows, count } = await findEvents(dataSource, filter ?? {}, page);
    return EventConnection.of(page, rows, (e) => orderedCursor(page, e), count);
  }

  @FieldResolver(() => CommunityRef, { nullable: true, description: "The community that hosts it; null for an online event." })
  host(@Root() event: Event): CommunityRef | null {
    return refOf<CommunityRef>(event.hostCommunityId);
  }

  @FieldResolver(() => OrganizationRef, { nullable: true, description: "The organization that organizes it, if recorded." })
  organizer(@Root() event: Event): OrganizationRef | null {
    return refOf<OrganizationRef>(event.organizerId);
  }

  @FieldResolver(() => ProgramRef, { nullable: true, description: "The program it belongs to, if any." })
  program(@Root() event: Event): ProgramRef | null {
    return refOf<ProgramRef>(event.programId);
  }

  @FieldResolver(() => [Registration], {
    description: "Who registered, oldest first. Only the event's admins and network staff may ask (else UNAUTHENTICATED or FORBIDDEN).",
  })
  registrations(
    @Root() event: Event,
    @Ctx() { identity, loaders }: EventsContext,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true, description: "At most this many: 100 by default, at most 500." }) first?: number | null,
    @Arg("includeCancelled", () => Boolean, { nullable: true, description: "Also list cancelled registrations." }) includeCancelled?: boolean | null,
  ): Promise<Registration[]> {
    markPrivate(info); // personal data: never in a shared cache
    if (!identity) throw unauthenticated(`You must be signed in to see who registered for "${event.title}".`);
    if (!administersEvent(identity, event)) {
      throw forbidden(`Only network staff and admins of its host community or organizer may see who registered for "${event.title}".`);
    }
    const { limit } = parsePage({ first: first ?? 100 });
    return loaders.registrationsOf({ limit, includeCancelled: includeCancelled ?? false }).load(event.id);
  }

  @Mutation(() => Event, { description: "Creates an event (staff, or an admin of its host community or organizer)." })
  createEvent(@Ctx() ctx: EventsContext, @Arg("input", () => CreateEventInput, { description: "The new event." }) input: CreateEventInput): Promise<Event> {
    return createEvent(ctx, input);
  }

  @Mutation(() => Event, { description: "Changes an event's details (its admins only); see UpdateEventInput.expectedVersion." })
  async updateEvent(
    @Ctx() ctx: EventsContext,
    @Arg("id", () => ID, { description: "The event to change." }) id: string,
    @Arg("input", () => UpdateEventInput, { description: "What changes (fields left out stay as they are)." }) input: UpdateEventInput,
  ): Promise<Event> {
    const event = await updateEvent(ctx, id, input);
    ctx.loaders.eventById.clear(event.id).prime(event.id, event);
    return event;
  }

  @Mutation(() => Event, { description: "Cancels an event (its admins only): registration closes; cancelling again changes nothing." })
  async cancelEvent(
    @Ctx() ctx: EventsContext,
    @Arg("id", () => ID, { description: "The event to cancel." }) id: string,
    @Arg("reason", () => String, { nullable: true, description: "Why, in a sentence (shown on the event)." }) reason?: string | null,
  ): Promise<Event> {
    const event = await cancelEvent(ctx, id, reason);
    ctx.loaders.eventById.clear(event.id).prime(event.id, event);
    return event;
  }
}
