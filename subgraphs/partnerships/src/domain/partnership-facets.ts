import { ACTIVE_AREA_LABELS, countFacets, countryRecord, NO_VALUE, US_STATES, type ActiveArea, type FacetBucket, type FacetDimension } from "@scg/shared";
import type { DataSource } from "typeorm";
import { PARTNERSHIP_STATUS_LABELS } from "../entities/partnership-status.js";
import { partnershipsMatching, type PartnershipFilterValues } from "./partnership-queries.js";
import { PARTNER_COUNTRY, PARTNER_WORLD_REGION, US_STATE } from "./partnership-sides.js";

const DIMENSIONS = {
  byPartnerCountry: { expression: PARTNER_COUNTRY, label: (code) => (code === NO_VALUE ? "No partner abroad" : countryRecord(code).name) },
  byUsState: { expression: US_STATE, label: (code) => (code === NO_VALUE ? "No US community" : US_STATES[code] ?? code) },
  byWorldRegion: { expression: PARTNER_WORLD_REGION, label: (region) => (region === NO_VALUE ? "Unknown" : region) },
  byStatus: { expression: "p.status", label: (status) => PARTNERSHIP_STATUS_LABELS[status as keyof typeof PARTNERSHIP_STATUS_LABELS] ?? status },
  byDecade: {
    expression: "CASE WHEN p.established_year IS NULL THEN NULL ELSE (p.established_year / 10 * 10)::text || 's' END",
    label: (decade) => (decade === NO_VALUE ? "Year unknown" : decade),
  },
  byFocusArea: {
    expression: "p.focus_areas",
    many: true,
    label: (area) => (area === NO_VALUE ? "No focus area named" : ACTIVE_AREA_LABELS[area as ActiveArea] ?? area),
  },
} satisfies Record<string, FacetDimension>;

export type PartnershipFacetValues = { total: number } & Record<keyof typeof DIMENSIONS, FacetBucket[]>;
/** The fields of PartnershipFacets. */
export const PARTNERSHIP_FACETS = ["total", ...(Object.keys(DIMENSIONS) as (keyof typeof DIMENSIONS)[])] as const;

/**
 * Checks the filter (as the list does), then returns how to count every facet of the partnerships
 * it matches in one statement (see countFacets): partner country, US state, partner's world region,
 * status and decade have one value per partnership and add up to the total; focus areas count a
 * partnership once per area it names ("none" when it names none).
 */
export function partnershipFacets(dataSource: DataSource, filter: PartnershipFilterValues): () => Promise<PartnershipFacetValues> {
  const matching = partnershipsMatching(dataSource, filter);
  return async () => {
    const { total, buckets } = await countFacets(dataSource, matching(), DIMENSIONS);
    return { total, ...buckets };
  };
}
