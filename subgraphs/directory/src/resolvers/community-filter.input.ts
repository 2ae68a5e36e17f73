import { ActiveArea, AgeGroup, CommunityKind, PROVENANCE_FILTER_DESCRIPTION, ProvenanceKind } from "@scg/shared";
import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "Narrows the directory; every field given must match." })
export class CommunityFilter {
  @Field(() => String, {
    nullable: true,
    description: "Part of the name, case- and accent-insensitive (`pecs` finds Pécs); `%` and `_` are literal characters.",
  })
  search?: string | null;

  @Field(() => CommunityKind, { nullable: true, description: "Only cities, counties or states." })
  kind?: CommunityKind | null;

  @Field(() => ID, { nullable: true, description: 'ISO 3166-1 alpha-2 code, such as "JP". An unknown code is an error.' })
  countryCode?: string | null;

  @Field(() => String, { nullable: true, description: 'USPS state code for US communities, such as "WA".' })
  regionCode?: string | null;

  @Field(() => [ProvenanceKind], { nullable: true, description: PROVENANCE_FILTER_DESCRIPTION })
  provenance?: ProvenanceKind[] | null;
}

@InputType({ description: "Narrows the organizations; every field given must match." })
export class OrganizationFilter {
  @Field(() => String, { nullable: true, description: "Part of the name, case- and accent-insensitive." })
  search?: string | null;

  @Field(() => [ActiveArea], { nullable: true, description: "Organizations working in any of these areas." })
  activeAreas?: ActiveArea[] | null;

  @Field(() => [AgeGroup], { nullable: true, description: "Organizations serving any of these age groups." })
  ageGroups?: AgeGroup[] | null;

  @Field(() => ID, { nullable: true, description: "Organizations based in this community." })
  communityId?: string | null;

  @Field(() => [ProvenanceKind], { nullable: true, description: PROVENANCE_FILTER_DESCRIPTION })
  provenance?: ProvenanceKind[] | null;
}
