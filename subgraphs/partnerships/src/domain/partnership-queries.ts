import { applyOrderedPage, badUserInput, ExactCounts, provenanceKinds, readQuery, US_STATES, type ActiveArea, type OrderedPage, type ProvenanceKind } from "@scg/shared";
import { Brackets, type DataSource, type SelectQueryBuilder } from "typeorm";
import { PartnershipStatus } from "../entities/partnership-status.js";
import { Partnership } from "../entities/partnership.entity.js";
import { NetworkStats } from "../entities/network-stats.js";
import { PARTNER_COUNTRY, PARTNER_WORLD_REGION } from "./partnership-sides.js";

export interface PartnershipFilterValues {
  status?: PartnershipStatus[] | null;
  countryCode?: string | null;
  regionCode?: string | null;
  partnerCountryCode?: string | null;
  worldRegion?: string | null;
  focusAreas?: ActiveArea[] | null;
  provenance?: ProvenanceKind[] | null;
}

/** A country code as filters accept it: two letters, any case. Unknown codes simply match nothing. */
export function checkCountryCode(code: string, argument = "countryCode"): string {
  const normalized = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(normalized)) {
    throw badUserInput(`"${code}" is not a country code; use an ISO 3166-1 alpha-2 code such as "JP".`, { argument });
  }
  return normalized;
}

/** A region code; for the United States (or when no country is given) it must be a USPS state code. */
function checkRegionCode(code: string, countryCode: string | null): string {
  const normalized = code.trim().toUpperCase();
  if ((countryCode === null || countryCode === "US") && !US_STATES[normalized]) {
    throw badUserInput(`"${code}" is not a US state code; use a USPS code such as "WA".`, { argument: "regionCode" });
  }
  return normalized;
}

/** The world regions a partner can be in (world-countries' regions, as each side's row copies them). */
export const WORLD_REGIONS = ["Africa", "Americas", "Antarctic", "Asia", "Europe", "Oceania"] as const;

/** A world region as filters accept it (any case); anything else is BAD_USER_INPUT naming the regions. */
function checkWorldRegion(region: string): string {
  const found = WORLD_REGIONS.find((known) => known.toLowerCase() === region.trim().toLowerCase());
  if (!found) throw badUserInput(`"${region}" is not a world region; use one of ${WORLD_REGIONS.join(", ")}.`, { argument: "worldRegion" });
  return found;
}

/**
 * The partnerships that match a filter, as a query over `p` to build on (checked first: a bad code
 * is BAD_USER_INPUT). `countryCode` and `regionCode` match when one side of the partnership is in
 * that country and region (the same side, when both are given): each side's codes are stored on
 * the row, so this is one indexed query (a bitmap OR over the two sides' indexes) without asking
 * the directory.
 */
export function partnershipsMatching(dataSource: DataSource, filter: PartnershipFilterValues): () => SelectQueryBuilder<Partnership> {
  const countryCode = filter.countryCode == null ? null : checkCountryCode(filter.countryCode);
  const regionCode = filter.regionCode == null ? null : checkRegionCode(filter.regionCode, countryCode);
  const partnerCountryCode = filter.partnerCountryCode == null ? null : checkCountryCode(filter.partnerCountryCode, "partnerCountryCode");
  const worldRegion = filter.worldRegion == null ? null : checkWorldRegion(filter.worldRegion);
  const kinds = provenanceKinds(filter.provenance);
  return () => {
    const q = dataSource.getRepository(Partnership).createQueryBuilder("p");
    if (partnerCountryCode) q.andWhere(`${PARTNER_COUNTRY} = :partnerCountryCode`, { partnerCountryCode });
    if (worldRegion) q.andWhere(`${PARTNER_WORLD_REGION} = :worldRegion`, { worldRegion });
    if (kinds) q.andWhere("p.provenance_kind = ANY(:kinds)", { kinds });
    if (filter.status?.length) q.andWhere("p.status = ANY(:statuses)", { statuses: filter.status });
    if (filter.focusAreas?.length) q.andWhere("p.focus_areas && :areas", { areas: filter.focusAreas });
    if (countryCode || regionCode) {
      const side = (s: "a" | "b") =>
        [countryCode && `p.community_${s}_country = :countryCode`, regionCode && `p.community_${s}_region = :regionCode`].filter(Boolean).join(" AND ");
      q.andWhere(new Brackets((w) => w.where(side("a"), { countryCode, regionCode }).orWhere(side("b"), { countryCode, regionCode })));
    }
    return q;
  };
}

/** totalCount per filter, and partnerships per country, counted once per change of the partnership table. */
export const partnershipCounts = new ExactCounts("partnerships", "partnership");

/**
 * The partnerships that match a filter, in the page's order (ties by id), one keyset page at a
 * time (rows for the page plus one, to tell whether another page follows), and a deferred count.
 */
export function findPartnerships(dataSource: DataSource, filter: PartnershipFilterValues, page: OrderedPage<Partnership>) {
  const base = partnershipsMatching(dataSource, filter);
  const rows = page.limit === 0 ? Promise.resolve([]) : applyOrderedPage(base(), page, "p.id").getMany();
  return { rows, count: () => partnershipCounts.count(dataSource, base()) };
}

/**
 * The network's figures, in one statement. `countries` counts the partner countries abroad:
 * distinct countries other than the United States that appear on either side of any partnership.
 */
export async function computeNetworkStats(dataSource: DataSource): Promise<NetworkStats> {
  const [row] = await readQuery<NetworkStats>(
    dataSource,
    `SELECT
       (SELECT count(*) FROM "partnerships"."partnership")::int AS "partnerships",
       (SELECT count(*) FROM "partnerships"."partnership" WHERE "status" = $1)::int AS "activePartnerships",
       (SELECT count(*) FROM (SELECT "community_a_id" FROM "partnerships"."partnership"
                              UNION SELECT "community_b_id" FROM "partnerships"."partnership") AS c)::int AS "communities",
       (SELECT count(*) FROM (SELECT "community_a_country" AS code FROM "partnerships"."partnership"
                              UNION SELECT "community_b_country" FROM "partnerships"."partnership") AS k
        WHERE k.code <> 'US')::int AS "countries"`,
    [PartnershipStatus.ACTIVE],
  );
  return Object.assign(new NetworkStats(), row);
}
