import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { PartnershipsContext } from "../context.js";
import { CommunityRef, communityRef } from "../entities/community-ref.js";
import { PartnershipStatus } from "../entities/partnership-status.js";
import { SisterCityLink } from "../entities/sister-city-link.js";

/**
 * What this subgraph adds to the directory's communities; every field goes through a per-request loader.
 * Both fields are nullable on purpose (as every field one subgraph adds to another's entity): when
 * this subgraph is down, the gateway nulls just them instead of the community page around them.
 */
@Resolver(() => CommunityRef)
export class CommunityResolver {
  @FieldResolver(() => [SisterCityLink], {
    nullable: true,
    description:
      "The community's sister cities: for each partnership, the community on the other side, by that community's name (A→Z, accents folded). Null only when the partnerships service is unavailable.",
  })
  async sisterCities(
    @Root() community: CommunityRef,
    @Ctx() { loaders }: PartnershipsContext,
    @Arg("status", () => [PartnershipStatus], { nullable: true, description: "Only partnerships in these statuses (omitted or empty: every status)." })
    status?: PartnershipStatus[] | null,
  ): Promise<SisterCityLink[]> {
    const partnerships = await loaders.partnershipsByCommunityId.load(community.id);
    const name = (partnership: (typeof partnerships)[number]) => partnership.partnerSortNameOf(community.id);
    return partnerships
      .filter((partnership) => !status?.length || status.includes(partnership.status))
      .sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : a.id < b.id ? -1 : 1))
      .map((partnership) => Object.assign(new SisterCityLink(), { partnership, partner: communityRef(partnership.partnerOf(community.id)) }));
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "How many partnerships the community has, in any status (the length of `sisterCities`). Null only when the partnerships service is unavailable.",
  })
  partnershipCount(@Root() community: CommunityRef, @Ctx() { loaders }: PartnershipsContext): Promise<number> {
    return loaders.partnershipCountByCommunityId.load(community.id);
  }
}
