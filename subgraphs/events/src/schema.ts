import { buildFederatedSchema } from "@scg/shared";
import type { EventsContext } from "./context.js";
import { EventFacetsResolver } from "./resolvers/event-facets.resolver.js";
import { EventResolver } from "./resolvers/event.resolver.js";
import { CommunityEventsResolver, OrganizationEventsResolver, ProgramEventsResolver } from "./resolvers/owner-events.resolver.js";
import { RegistrationResolver } from "./resolvers/registration.resolver.js";

/**
 * The events subgraph schema. Event resolves from its key through a loader; Community,
 * Organization and Program are other subgraphs' entities, known here by id only, so their
 * reference is the representation itself.
 */
export function buildEventsSchema() {
  return buildFederatedSchema(
    { resolvers: [EventResolver, EventFacetsResolver, RegistrationResolver, CommunityEventsResolver, OrganizationEventsResolver, ProgramEventsResolver] },
    {
      Event: { __resolveReference: (ref: { id: string }, ctx: EventsContext) => ctx.loaders.eventById.load(ref.id) },
      Community: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      Organization: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      Program: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    },
  );
}
