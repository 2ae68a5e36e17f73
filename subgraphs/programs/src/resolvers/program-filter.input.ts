import { ActiveArea, AgeGroup, PROVENANCE_FILTER_DESCRIPTION, ProvenanceKind } from "@scg/shared";
import { Field, ID, InputType } from "type-graphql";
import { ProgramStatus } from "../entities/program-status.js";

@InputType({ description: "Narrows the programs; every field given must match (an empty list is no filter)." })
export class ProgramFilter {
  @Field(() => [ActiveArea], { nullable: true, description: "Programs in any of these active areas." })
  areas?: ActiveArea[] | null;

  @Field(() => [AgeGroup], { nullable: true, description: "Programs serving any of these age groups." })
  ageGroups?: AgeGroup[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Programs of partnerships with a community in this country (ISO 3166-1 alpha-2, such as "JP"; "US" matches every US partnership).',
  })
  countryCode?: string | null;

  @Field(() => [ProgramStatus], { nullable: true, description: "Programs in any of these statuses (as of today)." })
  status?: ProgramStatus[] | null;

  @Field(() => [ProvenanceKind], { nullable: true, description: PROVENANCE_FILTER_DESCRIPTION })
  provenance?: ProvenanceKind[] | null;
}
