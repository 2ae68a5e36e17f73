import { computedOnFirstRead, FacetBucket, type Deferred } from "@scg/shared";
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { PartnershipsContext } from "../context.js";
import { PARTNERSHIP_FACETS, partnershipFacets, type PartnershipFacetValues } from "../domain/partnership-facets.js";
import { PartnershipFilter } from "./partnership-filter.input.js";

@ObjectType({
  description:
    "Counts of the partnerships a filter matches, by dimension: each facet's buckets add up to `total` (the list's totalCount), except byFocusArea, where a partnership counts once per area it names.",
})
export class PartnershipFacets {
  @Field(() => Int, { description: "How many partnerships match (the list's totalCount)." })
  total: number;

  @Field(() => [FacetBucket], { description: 'By the partner abroad\'s country (ISO code; "none" between two US communities, which the data never has).' })
  byPartnerCountry: FacetBucket[];

  @Field(() => [FacetBucket], { description: 'By the US community\'s state (USPS code; "none" when neither side is in the United States).' })
  byUsState: FacetBucket[];

  @Field(() => [FacetBucket], { description: 'By the partner abroad\'s world region ("Asia", "Europe", "Americas", "Africa", "Oceania").' })
  byWorldRegion: FacetBucket[];

  @Field(() => [FacetBucket], { description: "By status." })
  byStatus: FacetBucket[];

  @Field(() => [FacetBucket], { description: 'By the decade it was established ("1990s"; "none" when the year is unknown).' })
  byDecade: FacetBucket[];

  @Field(() => [FacetBucket], { description: 'By focus area: a partnership counts once per area it names, and under "none" when it names none.' })
  byFocusArea: FacetBucket[];
}

@Resolver(() => PartnershipFacets)
export class PartnershipFacetsResolver {
  @Query(() => PartnershipFacets, {
    description: "Counts of the partnerships that match a filter, by partner country, US state, world region, status, decade and focus area: one statement, however many facets are asked.",
  })
  partnershipFacets(
    @Ctx() { dataSource }: PartnershipsContext,
    @Arg("filter", () => PartnershipFilter, { nullable: true, description: "The same filter as `partnerships`." }) filter?: PartnershipFilter | null,
  ): Deferred<PartnershipFacetValues> {
    return computedOnFirstRead(partnershipFacets(dataSource, filter ?? {}), PARTNERSHIP_FACETS);
  }
}
