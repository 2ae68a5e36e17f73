import { buildFederatedSchema } from "@scg/shared";
import type { DirectoryContext } from "./context.js";
import { CommunityFacetsResolver } from "./resolvers/community-facets.resolver.js";
import { CommunityResolver } from "./resolvers/community.resolver.js";
import { CountryResolver } from "./resolvers/country.resolver.js";
import { LabelsResolver } from "./resolvers/labels.resolver.js";
import { OrganizationResolver } from "./resolvers/organization.resolver.js";
import { PartnershipCountsResolver } from "./resolvers/partnership-counts.resolver.js";

/** The directory subgraph schema: resolvers plus how each entity is found from its key. */
export function buildDirectorySchema() {
  return buildFederatedSchema(
    { resolvers: [CommunityResolver, CommunityFacetsResolver, CountryResolver, OrganizationResolver, LabelsResolver, PartnershipCountsResolver] },
    {
      Community: { __resolveReference: (ref: { id: string }, ctx: DirectoryContext) => ctx.loaders.communityById.load(ref.id) },
      Country: { __resolveReference: (ref: { code: string }, ctx: DirectoryContext) => ctx.loaders.countryByCode.load(ref.code) },
      Organization: { __resolveReference: (ref: { id: string }, ctx: DirectoryContext) => ctx.loaders.organizationById.load(ref.id) },
    },
  );
}
