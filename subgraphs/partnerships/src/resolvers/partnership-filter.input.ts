import { ActiveArea, PROVENANCE_FILTER_DESCRIPTION, ProvenanceKind } from "@scg/shared";
import { Field, ID, InputType } from "type-graphql";
import { PartnershipStatus } from "../entities/partnership-status.js";

@InputType({ description: "Narrows the partnerships; every field given must match." })
export class PartnershipFilter {
  @Field(() => [PartnershipStatus], { nullable: true, description: "Partnerships in any of these statuses (omitted or empty: every status)." })
  status?: PartnershipStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Partnerships with a community in this country (ISO 3166-1 alpha-2, such as "JP").' })
  countryCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Partnerships with a community in this region: the USPS state code for US communities, such as "WA". With `countryCode`, the same community must match both.',
  })
  regionCode?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Partnerships whose partner abroad is in this country (ISO 3166-1 alpha-2, such as "JP"): the side that is not the US one. With `countryCode: "US"` and `regionCode`, "this state\'s partnerships with Japan".',
  })
  partnerCountryCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Partnerships whose partner abroad is in this world region: "Africa", "Americas", "Asia", "Europe" or "Oceania" (any case).',
  })
  worldRegion?: string | null;

  @Field(() => [ActiveArea], { nullable: true, description: "Partnerships working in any of these active areas." })
  focusAreas?: ActiveArea[] | null;

  @Field(() => [ProvenanceKind], { nullable: true, description: PROVENANCE_FILTER_DESCRIPTION })
  provenance?: ProvenanceKind[] | null;
}
