import {
  applyOrderedPage, badUserInput, ExactCounts, foldText, provenanceKinds, US_STATES,
  type ActiveArea, type AgeGroup, type CommunityKind, type OrderedPage, type Page, type ProvenanceKind, type SortKey,
} from "@scg/shared";
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { Community } from "../entities/community.entity.js";
import { Country } from "../entities/country.entity.js";
import { Organization } from "../entities/organization.entity.js";

export const MAX_SEARCH_LENGTH = 100;

export interface CommunityFilterValues {
  search?: string | null;
  kind?: CommunityKind | null;
  countryCode?: string | null;
  regionCode?: string | null;
  provenance?: ProvenanceKind[] | null;
}

export interface OrganizationFilterValues {
  search?: string | null;
  activeAreas?: ActiveArea[] | null;
  ageGroups?: AgeGroup[] | null;
  communityId?: string | null;
  provenance?: ProvenanceKind[] | null;
}

/** `%` and `_` in a search are literal characters, never wildcards. */
export function likePattern(search: string): string {
  return `%${foldText(search).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function checkSearch(search: string | null | undefined): string | null {
  if (search == null || search.trim() === "") return null;
  if (search.length > MAX_SEARCH_LENGTH) {
    throw badUserInput(`"search" may be at most ${MAX_SEARCH_LENGTH} characters long, but has ${search.length}.`, { argument: "search" });
  }
  return search.trim();
}

/** Normalizes and checks a country code against the directory: unknown codes are an input error, not an empty page. */
export async function checkCountryCode(dataSource: DataSource, code: string): Promise<string> {
  const normalized = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(normalized)) {
    throw badUserInput(`"${code}" is not a country code; use an ISO 3166-1 alpha-2 code such as "JP".`, { argument: "countryCode" });
  }
  if (!(await dataSource.getRepository(Country).existsBy({ code: normalized }))) {
    throw badUserInput(`No country with code "${normalized}" is in the directory.`, { argument: "countryCode" });
  }
  return normalized;
}

export enum CommunityOrderField {
  NAME = "NAME",
  PARTNERSHIP_COUNT = "PARTNERSHIP_COUNT",
}

/**
 * The sort key of an order: the folded name in byte order, or the partnership count (both indexed
 * with id). With a name search, the name is written so that its order index cannot serve
 * (`search_text || ''`, the same values): Postgres would otherwise walk that index from "a"
 * filtering by the pattern, expecting matches everywhere, while names containing "san" sit together
 * under "s" (at scale factor 100: 190 ms), instead of reading the matches from the trigram index and
 * sorting them (30 ms).
 */
export function communitySortKey(field: CommunityOrderField, { searching = false } = {}): SortKey<Community> {
  if (field === CommunityOrderField.PARTNERSHIP_COUNT) return { field, expression: "c.partnership_count", value: (row) => row.partnershipCount, cast: "int" };
  return { field, expression: searching ? `((c.search_text || '') COLLATE "C")` : `(c.search_text COLLATE "C")`, value: (row) => row.searchText, cast: "text" };
}

/**
 * Checks a community filter (an unknown country or state code is BAD_USER_INPUT) and returns a
 * builder of the query that selects the communities it matches, aliased `c`.
 */
export async function communitiesMatching(dataSource: DataSource, filter: CommunityFilterValues): Promise<() => SelectQueryBuilder<Community>> {
  const search = checkSearch(filter.search);
  const countryCode = filter.countryCode == null ? null : await checkCountryCode(dataSource, filter.countryCode);
  let regionCode: string | null = null;
  if (filter.regionCode != null) {
    regionCode = filter.regionCode.trim().toUpperCase();
    if (countryCode === "US" && !US_STATES[regionCode]) {
      throw badUserInput(`"${filter.regionCode}" is not a US state code; use a USPS code such as "WA".`, { argument: "regionCode" });
    }
  }
  const kinds = provenanceKinds(filter.provenance);
  return () => {
    const q = dataSource.getRepository(Community).createQueryBuilder("c");
    if (countryCode) q.andWhere("c.country_code = :countryCode", { countryCode });
    if (regionCode) q.andWhere("c.region_code = :regionCode", { regionCode });
    if (filter.kind) q.andWhere("c.kind = :kind", { kind: filter.kind });
    if (search) q.andWhere(`c.search_text LIKE :pattern ESCAPE '\\'`, { pattern: likePattern(search) });
    if (kinds) q.andWhere("c.provenance_kind = ANY(:kinds)", { kinds });
    return q;
  };
}

/** totalCount per filter, counted once per change of the community table. */
const communityCounts = new ExactCounts("directory", "community");

/**
 * The communities that match a filter, in the page's order (ties by id), one keyset page at a
 * time (rows for the page plus one, to tell whether another page follows), and a deferred count.
 */
export async function findCommunities(dataSource: DataSource, filter: CommunityFilterValues, page: OrderedPage<Community>) {
  const base = await communitiesMatching(dataSource, filter);
  if (page.limit === 0) return { rows: [], count: () => communityCounts.count(dataSource, base()) };
  const query = applyOrderedPage(base(), page, "c.id");
  if (!checkSearch(filter.search) || page.after) return { rows: await query.getMany(), count: () => communityCounts.count(dataSource, base()) };
  // A search's first page reads every match from the trigram index to sort them (see
  // communitySortKey), so it counts them in the same pass, with the generation of the same
  // snapshot: totalCount is then a generation check, not a second scan of the matches.
  const { entities, raw } = await query
    .addSelect("count(*) OVER ()", "matches")
    .addSelect(communityCounts.generationSql(), "generation")
    .getRawAndEntities<{ matches: string; generation: string }>();
  if (raw.length > 0) communityCounts.remember(dataSource, base(), raw[0].generation, Number(raw[0].matches));
  return { rows: entities, count: () => communityCounts.count(dataSource, base()) };
}

export async function findOrganizations(dataSource: DataSource, filter: OrganizationFilterValues, page: Page) {
  const search = checkSearch(filter.search);
  const kinds = provenanceKinds(filter.provenance);
  const base = (): SelectQueryBuilder<Organization> => {
    const q = dataSource.getRepository(Organization).createQueryBuilder("o");
    if (search) q.andWhere(`o.search_text LIKE :pattern ESCAPE '\\'`, { pattern: likePattern(search) });
    if (filter.activeAreas?.length) q.andWhere("o.active_areas && :areas", { areas: filter.activeAreas });
    if (filter.ageGroups?.length) q.andWhere("o.age_groups && :ages", { ages: filter.ageGroups });
    if (filter.communityId) q.andWhere("o.community_id = :communityId", { communityId: filter.communityId });
    if (kinds) q.andWhere("o.provenance_kind = ANY(:kinds)", { kinds });
    return q;
  };
  const rowsQuery = base().orderBy("o.slug", "ASC").limit(page.limit + 1);
  if (page.after) rowsQuery.andWhere("o.slug > :afterSlug", { afterSlug: String(page.after[0]) });
  const rows = page.limit === 0 ? [] : await rowsQuery.getMany();
  return { rows, count: () => base().getCount() };
}
