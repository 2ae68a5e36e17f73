import { COMMUNITY_KIND_LABELS, countFacets, countryRecord, NO_VALUE, US_STATES, type CommunityKind, type FacetBucket, type FacetDimension } from "@scg/shared";
import type { DataSource } from "typeorm";
import { communitiesMatching, type CommunityFilterValues } from "./directory-queries.js";

const DIMENSIONS = {
  byCountry: { expression: "c.country_code", label: (code) => countryRecord(code).name },
  byUsState: {
    expression: "CASE WHEN c.country_code = 'US' THEN c.region_code END",
    label: (code) => (code === NO_VALUE ? "Outside the United States" : US_STATES[code] ?? code),
  },
  byKind: { expression: "c.kind", label: (kind) => COMMUNITY_KIND_LABELS[kind as CommunityKind] ?? kind },
  byWorldRegion: {
    expression: `(SELECT co.region FROM "directory"."country" co WHERE co.code = c.country_code)`,
    label: (region) => (region === NO_VALUE ? "Unknown" : region),
  },
} satisfies Record<string, FacetDimension>;

export type CommunityFacetValues = { total: number } & Record<keyof typeof DIMENSIONS, FacetBucket[]>;
/** The fields of CommunityFacets. */
export const COMMUNITY_FACETS = ["total", ...(Object.keys(DIMENSIONS) as (keyof typeof DIMENSIONS)[])] as const;

/**
 * Checks the filter (as the list does), then returns how to count the communities it matches by
 * country, US state, kind and world region in one statement (see countFacets); each facet adds up
 * to the total, the list's totalCount.
 */
export async function communityFacets(dataSource: DataSource, filter: CommunityFilterValues): Promise<() => Promise<CommunityFacetValues>> {
  const matching = await communitiesMatching(dataSource, filter);
  return async () => {
    const { total, buckets } = await countFacets(dataSource, matching(), DIMENSIONS);
    return { total, ...buckets };
  };
}
