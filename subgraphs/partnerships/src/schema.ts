import { buildFederatedSchema } from "@scg/shared";
import type { PartnershipsContext } from "./context.js";
import { CommunityRef } from "./entities/community-ref.js";
import { CountryRef } from "./entities/country-ref.js";
import { CommunityResolver } from "./resolvers/community.resolver.js";
import { CountryResolver } from "./resolvers/country.resolver.js";
import { NetworkStatsResolver } from "./resolvers/network-stats.resolver.js";
import { PartnershipFacetsResolver } from "./resolvers/partnership-facets.resolver.js";
import { PartnershipResolver, SignatureResolver } from "./resolvers/partnership.resolver.js";

/**
 * The partnerships subgraph schema. It owns `Partnership`; `Community` and `Country` are the
 * directory's entities, which this subgraph only extends: their references resolve to themselves
 * (the key is all the added fields need), and the directory answers every other field.
 */
export function buildPartnershipsSchema() {
  return buildFederatedSchema(
    {
      resolvers: [PartnershipResolver, SignatureResolver, CommunityResolver, CountryResolver, NetworkStatsResolver, PartnershipFacetsResolver],
      // Reachable only through the gateway's entity references, so named here to be emitted.
      orphanedTypes: [CommunityRef, CountryRef],
    },
    {
      Partnership: { __resolveReference: (ref: { id: string }, ctx: PartnershipsContext) => ctx.loaders.partnershipById.load(ref.id) },
      Community: { __resolveReference: (ref: { id: string }) => Object.assign(new CommunityRef(), { id: ref.id }) },
      Country: { __resolveReference: (ref: { code: string }) => Object.assign(new CountryRef(), { code: ref.code }) },
    },
  );
}
