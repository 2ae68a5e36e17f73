import { OrderDirection, type SortKey } from "@scg/shared";
import type { Partnership } from "../entities/partnership.entity.js";

/**
 * The two sides of a partnership, as lists and facets see them. The *partner* side is the one
 * abroad: side B when side A is in the United States (every imported pair), side A when side B is,
 * and side B between two communities abroad. The *US* side is the one in the United States, if any.
 * SQL over a partnership aliased `p`, and the same rule in JavaScript.
 */
const partner = (column: string, p = "p") =>
  `(CASE WHEN ${p}.community_a_country = 'US' THEN ${p}.community_b_${column} WHEN ${p}.community_b_country = 'US' THEN ${p}.community_a_${column} ELSE ${p}.community_b_${column} END)`;

export const PARTNER_COUNTRY = partner("country");
export const PARTNER_WORLD_REGION = partner("world_region");
// Byte order (COLLATE "C"): the same on every server, and the order JavaScript compares strings in.
export const PARTNER_SORT_NAME = `(COALESCE(${partner("sort_name")}, '') COLLATE "C")`;
export const US_STATE = `(CASE WHEN p.community_a_country = 'US' THEN p.community_a_region WHEN p.community_b_country = 'US' THEN p.community_b_region END)`;

export function partnerSortName(partnership: Partnership): string {
  const aIsUs = partnership.communityACountry === "US";
  const bIsUs = partnership.communityBCountry === "US";
  return ((aIsUs || !bIsUs ? partnership.communityBSortName : partnership.communityASortName) ?? "");
}

export enum PartnershipOrderField {
  PARTNER_NAME = "PARTNER_NAME",
  ESTABLISHED_YEAR = "ESTABLISHED_YEAR",
}

/**
 * The sort key of an order. Partnerships without a year come last either way (the year is a
 * COALESCE to a value beyond every real year in the direction asked).
 */
export function partnershipSortKey(field: PartnershipOrderField, direction: OrderDirection): SortKey<Partnership> {
  if (field === PartnershipOrderField.ESTABLISHED_YEAR) {
    const missing = direction === OrderDirection.ASC ? 9999 : -1;
    return {
      field,
      expression: `COALESCE(p.established_year, ${missing})`,
      value: (row) => row.establishedYear ?? missing,
      cast: "int",
    };
  }
  return { field, expression: PARTNER_SORT_NAME, value: partnerSortName, cast: "text" };
}
