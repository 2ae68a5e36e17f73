import { ActiveArea, AgeGroup, computedOnFirstRead, FacetBucket, type Deferred } from "@scg/shared";
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { ProgramsContext } from "../context.js";
import { PROGRAM_FACETS, programFacets, type ProgramFacetValues } from "../domain/program-facets.js";
import { ProgramFilter } from "./program-filter.input.js";

@ObjectType({ description: "How many programs work in one active area for one age group." })
export class AreaAgeCell {
  @Field(() => ActiveArea, { description: "The active area." })
  area: ActiveArea;

  @Field(() => AgeGroup, { description: "The age group." })
  ageGroup: AgeGroup;

  @Field(() => Int, { description: "How many of the matching programs have both." })
  count: number;
}

@ObjectType({
  description:
    "Counts of the programs a filter matches, by dimension. A program may work in several areas, for several age groups, so each facet counts it once per value: a bucket equals the list filtered by that value.",
})
export class ProgramFacets {
  @Field(() => Int, { description: "How many programs match (the list's totalCount)." })
  total: number;

  @Field(() => [FacetBucket], { description: "By active area (a program counts once under each of its areas)." })
  byArea: FacetBucket[];

  @Field(() => [FacetBucket], { description: "By age group (a program counts once under each group it serves)." })
  byAgeGroup: FacetBucket[];

  @Field(() => [AreaAgeCell], { description: "By active area and age group together: one cell per pair that occurs, largest first." })
  byAreaAndAgeGroup: AreaAgeCell[];

  @Field(() => [FacetBucket], { description: 'By the partner abroad\'s country (ISO code, such as "JP").' })
  byCountry: FacetBucket[];
}

@Resolver(() => ProgramFacets)
export class ProgramFacetsResolver {
  @Query(() => ProgramFacets, { description: "Counts of the programs that match a filter, by area, age group, both, and partner country: one statement, however many facets are asked." })
  programFacets(
    @Ctx() { dataSource }: ProgramsContext,
    @Arg("filter", () => ProgramFilter, { nullable: true, description: "The same filter as `programs`." }) filter?: ProgramFilter | null,
  ): Deferred<ProgramFacetValues> {
    return computedOnFirstRead(programFacets(dataSource, filter ?? {}), PROGRAM_FACETS);
  }
}
