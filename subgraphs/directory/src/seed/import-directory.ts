import { communitySlug, communityId, foldText, US_STATES, type Logger } from "@scg/shared";
import { readSisterCityPairs, resolveCommunities, type CommunityRecord } from "@scg/shared/data";
import type { DataSource, EntityManager } from "typeorm";
import { Community } from "../entities/community.entity.js";
import { Country } from "../entities/country.entity.js";
import { Organization } from "../entities/organization.entity.js";
import { CoordinateFinder, COORDINATES_SOURCE } from "./coordinates.js";
import { countryRecord, COUNTRIES_SOURCE } from "./countries.js";
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

/**
 * Loads the directory from the real data: every community on both sides of every pair, their
 * countries, coordinates where the gazetteer has them, and the network's organizations.
 * The whole file is validated first (a bad row stops the import with its line number), then
 * everything is written in one transaction. Ids are derived from slugs, so re-running changes nothing.
 */
export async function importDirectory(dataSource: DataSource, log: Pick<Logger, "info">): Promise<DirectoryImportReport> {
  const pairs = readSisterCityPairs();
  const { communities } = resolveCommunities(pairs);
  const extra: CommunityRecord[] = CONFERENCE_HOST_COMMUNITIES.map((c) => {
    const slug = communitySlug(c.name, c.countryCode, c.regionCode);
    return { id: communityId(slug), slug, name: c.name, kind: c.kind, countryCode: c.countryCode, regionCode: c.regionCode, region: US_STATES[c.regionCode] ?? null, sources: [c.source] };
  });
  const all = [...communities, ...extra.filter((e) => !communities.some((c) => c.slug === e.slug))];
  log.info(`directory: ${pairs.length} pairs read, ${all.length} distinct communities`);

  const countryNames = new Map<string, string>([["US", "United States"]]);
  for (const pair of pairs) countryNames.set(pair.partnerCountryCode, pair.partnerCountry);
  const countries = [...countryNames].map(([code, name]) => ({ ...countryRecord(code, name), source: COUNTRIES_SOURCE }));

  const finder = new CoordinateFinder();
  let withCoordinates = 0;
  const communityRows = all.map((c) => {
    const point = finder.find(c.name, c.countryCode, c.regionCode);
    if (point) withCoordinates += 1;
    return {
      id: c.id, slug: c.slug, name: c.name, searchText: foldText(c.name), kind: c.kind, countryCode: c.countryCode,
      regionCode: c.regionCode, region: c.region, latitude: point?.latitude ?? null, longitude: point?.longitude ?? null,
      source: [...c.sources, ...(point ? [`coordinates: ${COORDINATES_SOURCE}`] : [])].join("; "),
    };
  });
  log.info(`directory: coordinates found for ${withCoordinates} of ${all.length} communities (${((100 * withCoordinates) / all.length).toFixed(1)}%)`);

  const slugs = new Set(all.map((c) => c.id));
  const organizationRows = ORGANIZATIONS.map((o) => ({
    ...o, activeAreas: [...o.activeAreas], ageGroups: [...o.ageGroups], searchText: foldText(o.name),
    communityId: o.communityId && slugs.has(o.communityId) ? o.communityId : null,
  }));

  await dataSource.transaction(async (manager) => {
    await upsert(manager, Country, countries, ["code"]);
    log.info(`directory: ${countries.length} countries written`);
    for (let i = 0; i < communityRows.length; i += CHUNK) {
      await upsert(manager, Community, communityRows.slice(i, i + CHUNK), ["id"]);
      log.info(`directory: communities ${Math.min(i + CHUNK, communityRows.length)}/${communityRows.length}`);
    }
    await upsert(manager, Organization, organizationRows, ["id"]);
  });
  return {
    countries: countries.length,
    communities: all.length,
    organizations: organizationRows.length,
    withCoordinates,
    coordinateMatchRate: withCoordinates / all.length,
  };
}
