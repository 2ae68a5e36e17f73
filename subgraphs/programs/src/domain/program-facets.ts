import {
  ACTIVE_AREA_LABELS, AGE_GROUP_LABELS, countFacets, countryRecord, type ActiveArea, type AgeGroup, type FacetBucket, type FacetDimension,
} from "@scg/shared";
import type { DataSource } from "typeorm";
import { programsMatching, type ProgramFilterValues } from "./program-queries.js";

const DIMENSIONS = {
  byArea: { expression: "p.areas", many: true, label: (area) => ACTIVE_AREA_LABELS[area as ActiveArea] ?? area },
  byAgeGroup: { expression: "p.age_groups", many: true, label: (group) => AGE_GROUP_LABELS[group as AgeGroup] ?? group },
  // The partner abroad's country: every country of the program's two communities but the United States.
  byCountry: { expression: "array_remove(p.country_codes, 'US')", many: true, label: (code) => countryRecord(code).name },
} satisfies Record<string, FacetDimension>;

/** One cell of the active area × age group table. */
export interface AreaAgeCount {
  area: ActiveArea;
  ageGroup: AgeGroup;
  count: number;
}

export type ProgramFacetValues = { total: number; byAreaAndAgeGroup: AreaAgeCount[] } & Record<keyof typeof DIMENSIONS, FacetBucket[]>;
/** The fields of ProgramFacets. */
export const PROGRAM_FACETS = ["total", "byAreaAndAgeGroup", ...(Object.keys(DIMENSIONS) as (keyof typeof DIMENSIONS)[])] as const;

/**
 * Checks the filter (as the list does), then returns how to count the programs it matches in one
 * statement (see countFacets). A program works in one or more areas, for one or more age groups,
 * so each of these facets counts it once per value: a bucket equals the list filtered by that value
 * (byArea EDUCATION = programs(filter: {areas: [EDUCATION]}).totalCount), and byAreaAndAgeGroup
 * counts it once per (area, age group) pair it has.
 */
export function programFacets(dataSource: DataSource, filter: ProgramFilterValues): () => Promise<ProgramFacetValues> {
  const matching = programsMatching(dataSource, filter);
  return async () => {
    const { total, buckets, cells } = await countFacets(dataSource, matching(), DIMENSIONS, { byAreaAndAgeGroup: ["byArea", "byAgeGroup"] });
    const byAreaAndAgeGroup = cells.byAreaAndAgeGroup.map(({ values: [area, ageGroup], count }) => ({ area: area as ActiveArea, ageGroup: ageGroup as AgeGroup, count }));
    return { total, byAreaAndAgeGroup, ...buckets };
  };
}
