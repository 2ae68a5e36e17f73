import { communityId, communitySlug, countryRecord, foldText, imported, publicFact, US_STATES, WORLD_COUNTRIES, FACTS_COLLECTED_ON, type Logger, type Provenance } from "@scg/shared";
import { CoordinateFinder, provenanceOfSources, readSisterCityPairs, resolveCommunities } from "@scg/shared/data";
import type { DataSource, EntityManager } from "typeorm";
import { Community } from "../entities/community.entity.js";
import { Country } from "../entities/country.entity.js";
import { Organization } from "../entities/organization.entity.js";
import { CONFERENCE_HOST_COMMUNITIES, ORGANIZATIONS } from "./network-facts.js";

export interface DirectoryImportReport {
  countries: number;
  communities: number;
  organizations: number;
  withCoordinates: number;
  coordinateMatchRate: number;
}

const CHUNK = 500;

async function upsert(manager: EntityManager, target: Function, rows: object[], conflict: string[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.upsert(target, rows.slice(i, i + CHUNK) as never, { conflictPaths: conflict, skipUpdateIfNoValuesChanged: true });
  }
}

/** A community to import: its fields, where it comes from, and how the gazetteer may know it. */
interface DirectoryCommunity {
  id: string;
  slug: string;
  name: string;
  kind: "CITY" | "COUNTY" | "STATE";
  countryCode: string;
  regionCode: string | null;
  region: string | null;
  provenance: Provenance;
  gazetteer: { name: string; admin: string | null } | null;
}

/**
 * How many partnerships each community has among `pairs` (each distinct pair once, as the
 * partnerships import merges rows naming the same pair).
 */
export function partnershipCounts(pairs: Iterable<readonly [string, string]>): Map<string, number> {
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  for (const [a, b] of pairs) {
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    for (const id of [a, b]) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * Writes partnership counts, never lowering one: the partnerships subgraph may already have
 * reported a higher count (partnerships proposed since, or the synthetic ones), and no import
 * removes a partnership.
 */
export async function raisePartnershipCounts(manager: EntityManager, counts: Map<string, number>): Promise<void> {
  const ids = [...counts.keys()];
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    await manager.query(
      `UPDATE "directory"."community" c SET "partnership_count" = GREATEST(c."partnership_count", n.count)
       FROM unnest($1::uuid[], $2::int[]) AS n(id, count) WHERE c."id" = n.id AND c."partnership_count" < n.count`,
      [chunk, chunk.map((id) => counts.get(id)!)],
    );
  }
}

/**
 * Loads the directory from the real data: every community on both sides of every pair (names
 * resolved through the alias table), their countries, coordinates where the gazetteer has them,
 * the communities the network's own record adds (conference hosts) and the network's
 * organizations — each with its provenance (the Wikipedia list pages, world-countries, the facts'
 * pages). The whole file is validated first (a bad row stops the import with its line number),
 * then everything is written in one transaction. Ids are derived from slugs, so re-running changes nothing.
 */
export async function importDirectory(dataSource: DataSource, log: Pick<Logger, "info">): Promise<DirectoryImportReport> {
  const pairs = readSisterCityPairs();
  const resolved = resolveCommunities(pairs);
  const fromPairs: DirectoryCommunity[] = resolved.communities.map((c) => ({ ...c, provenance: provenanceOfSources(c.sources) }));
  const hosts: DirectoryCommunity[] = CONFERENCE_HOST_COMMUNITIES.map((c) => {
    const slug = communitySlug(c.name, c.countryCode, c.regionCode);
    return {
      id: communityId(slug), slug, name: c.name, kind: c.kind, countryCode: c.countryCode, regionCode: c.regionCode,
      region: US_STATES[c.regionCode] ?? null, gazetteer: null,
      provenance: imported(publicFact(c.source.citation, c.source.page), { lastVerifiedOn: FACTS_COLLECTED_ON }),
    };
  });
  const all = [...fromPairs, ...hosts.filter((host) => !fromPairs.some((c) => c.slug === host.slug))];
  log.info(`directory: ${pairs.length} pairs read, ${all.length} distinct communities`);

  const countryNames = new Map<string, string>([["US", "United States"]]);
  for (const pair of pairs) countryNames.set(pair.partnerCountryCode, pair.partnerCountry);
  const countries = [...countryNames].map(([code, name]) => ({ ...countryRecord(code, name), provenance: imported(WORLD_COUNTRIES) }));

  const finder = new CoordinateFinder();
  let withCoordinates = 0;
  const communityRows = all.map((c) => {
    const point = finder.find(c.gazetteer?.name ?? c.name, c.countryCode, c.regionCode, c.gazetteer?.admin ?? null);
    if (point) withCoordinates += 1;
    return {
      id: c.id, slug: c.slug, name: c.name, searchText: foldText(c.name), kind: c.kind, countryCode: c.countryCode,
      regionCode: c.regionCode, region: c.region, latitude: point?.latitude ?? null, longitude: point?.longitude ?? null, provenance: c.provenance,
    };
  });
  log.info(`directory: coordinates found for ${withCoordinates} of ${all.length} communities (${((100 * withCoordinates) / all.length).toFixed(1)}%)`);

  const ids = new Set(all.map((c) => c.id));
  const organizationRows = ORGANIZATIONS.map(({ source, ...o }) => ({
    ...o, activeAreas: [...o.activeAreas], ageGroups: [...o.ageGroups], searchText: foldText(o.name),
    communityId: o.communityId && ids.has(o.communityId) ? o.communityId : null,
    provenance: imported(publicFact(source.citation, source.page), { lastVerifiedOn: FACTS_COLLECTED_ON }),
  }));

  await dataSource.transaction(async (manager) => {
    await upsert(manager, Country, countries, ["code"]);
    log.info(`directory: ${countries.length} countries written`);
    for (let i = 0; i < communityRows.length; i += CHUNK) {
      await upsert(manager, Community, communityRows.slice(i, i + CHUNK), ["id"]);
      log.info(`directory: communities ${Math.min(i + CHUNK, communityRows.length)}/${communityRows.length}`);
    }
    await upsert(manager, Organization, organizationRows, ["id"]);
    await raisePartnershipCounts(manager, partnershipCounts(resolved.sides.map((side) => [communityId(side.usSlug), communityId(side.partnerSlug)])));
  });
  return {
    countries: countries.length,
    communities: all.length,
    organizations: organizationRows.length,
    withCoordinates,
    coordinateMatchRate: withCoordinates / all.length,
  };
}
