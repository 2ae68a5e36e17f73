import { markPrivate } from "@scg/shared";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Resolver, Root } from "type-graphql";
import type { EventsContext } from "../context.js";
import { administersEvent } from "../domain/event-permissions.js";
import { cancelRegistration, registerForEvent } from "../domain/registrations.js";
import { Event } from "../entities/event.entity.js";
import { Attendee, Registration } from "../entities/registration.entity.js";
import { AttendeeInput } from "./event.input.js";

@Resolver(() => Registration)
export class RegistrationResolver {
  @FieldResolver(() => Event, { description: "The event registered for." })
  async event(@Root() registration: Registration, @Ctx() { loaders }: EventsContext): Promise<Event> {
    const event = await loaders.eventById.load(registration.eventId);
    if (!event) throw new Error(`Registration ${registration.id} refers to missing event ${registration.eventId}`);
    return event;
  }

  @FieldResolver(() => Attendee, {
    nullable: true,
    description:
      "Who registered: null unless you are network staff or an admin of the event's host community or organizer (personal data; never shown to the public, not even to the registrant, who knows it).",
  })
  async attendee(@Root() registration: Registration, @Ctx() { identity, loaders }: EventsContext, @Info() info: GraphQLResolveInfo): Promise<Attendee | null> {
    markPrivate(info); // personal data: never in a shared cache, whoever asks
    if (!identity) return null;
    const event = await loaders.eventById.load(registration.eventId);
    if (!event || !administersEvent(identity, event)) return null;
    return { name: registration.attendeeName, email: registration.attendeeEmail };
  }

  @FieldResolver(() => Boolean, { description: "Whether the registration still holds a seat (not cancelled)." })
  active(@Root() registration: Registration): boolean {
    return registration.cancelledAt === null;
  }

  @Mutation(() => Registration, {
    description:
      "Registers someone for an event: anyone may, while registration is open. One seat per email and event: a repeat returns the same registration. Full: EVENT_FULL; cancelled, started or closed: CONFLICT with extensions.reason.",
  })
  async registerForEvent(
    @Ctx() { dataSource, loaders }: EventsContext,
    @Arg("eventId", () => ID, { description: "The event to register for." }) eventId: string,
    @Arg("attendee", () => AttendeeInput, { description: "Who is coming." }) attendee: AttendeeInput,
  ): Promise<Registration> {
    const registration = await registerForEvent(dataSource, eventId, attendee);
    loaders.eventById.clear(registration.eventId); // seatsLeft changed
    return registration;
  }

  @Mutation(() => Registration, {
    description: "Cancels a registration and frees its seat: by the event's admins, or by anyone giving the email it was made with.",
  })
  async cancelRegistration(
    @Ctx() { dataSource, identity, loaders }: EventsContext,
    @Arg("id", () => ID, { description: "The registration to cancel." }) id: string,
    @Arg("email", () => String, { nullable: true, description: "The email the registration was made with (not needed by the event's admins)." })
    email?: string | null,
  ): Promise<Registration> {
    const registration = await cancelRegistration(dataSource, identity, id, email);
    loaders.eventById.clear(registration.eventId);
    return registration;
  }
}
