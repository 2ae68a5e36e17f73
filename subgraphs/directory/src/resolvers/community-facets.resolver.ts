import { computedOnFirstRead, FacetBucket, type Deferred } from "@scg/shared";
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { DirectoryContext } from "../context.js";
import { COMMUNITY_FACETS, communityFacets, type CommunityFacetValues } from "../domain/community-facets.js";
import { CommunityFilter } from "./community-filter.input.js";

@ObjectType({ description: "Counts of the communities a filter matches, by dimension: each facet's buckets add up to `total` (the list's totalCount)." })
export class CommunityFacets {
  @Field(() => Int, { description: "How many communities match (the list's totalCount)." })
  total: number;

  @Field(() => [FacetBucket], { description: 'By country (ISO code, such as "JP").' })
  byCountry: FacetBucket[];

  @Field(() => [FacetBucket], { description: 'By US state (USPS code; "none" for communities outside the United States).' })
  byUsState: FacetBucket[];

  @Field(() => [FacetBucket], { description: "By kind: city, county or state." })
  byKind: FacetBucket[];

  @Field(() => [FacetBucket], { description: 'By the country\'s world region ("Asia", "Europe", "Americas", "Africa", "Oceania").' })
  byWorldRegion: FacetBucket[];
}

@Resolver(() => CommunityFacets)
export class CommunityFacetsResolver {
  @Query(() => CommunityFacets, { description: "Counts of the communities that match a filter, by country, US state, kind and world region: one statement, however many facets are asked." })
  async communityFacets(
    @Ctx() { dataSource }: DirectoryContext,
    @Arg("filter", () => CommunityFilter, { nullable: true, description: "The same filter as `communities`." }) filter?: CommunityFilter | null,
  ): Promise<Deferred<CommunityFacetValues>> {
    return computedOnFirstRead(await communityFacets(dataSource, filter ?? {}), COMMUNITY_FACETS);
  }
}
