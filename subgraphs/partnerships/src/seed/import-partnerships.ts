import { countryRecord, foldText, partnershipId, type Logger, type Provenance } from "@scg/shared";
import { DataFileError, provenanceOfSources, readSisterCityPairs, resolveCommunities, SISTER_CITIES_CSV, type SisterCityPair } from "@scg/shared/data";
import type { DataSource } from "typeorm";
import { PartnershipStatus } from "../entities/partnership-status.js";

export interface PartnershipsImportReport {
  rows: number;
  partnerships: number;
  /** Rows that named a pair already seen (merged into it, sources joined). */
  merged: number;
  inserted: number;
}

/** One partnership as the import writes it (side A is always the US side). */
export interface ImportedPartnership {
  id: string;
  aId: string;
  aCountry: string;
  aRegion: string | null;
  bId: string;
  bCountry: string;
  bRegion: string | null;
  /** Each side's name, folded for ordering, and world region: copied like the codes (see the entity). */
  aSortName: string;
  bSortName: string;
  aWorldRegion: string | null;
  bWorldRegion: string | null;
  establishedYear: number | null;
  /** Where the pair comes from: the list pages (and cited facts) of every row that names it. */
  provenance: Provenance;
  lines: number[];
}

/**
 * Builds the partnerships from the pairs: one per pair of communities (rows naming the same pair
 * are merged, their sources joined, the earliest year kept), with each side's id, country and region
 * code from the same resolution the directory imports, so ids agree without sharing a database.
 * Every problem is collected with its line number; any problem means no partnership at all.
 */
export function buildImportedPartnerships(pairs: readonly SisterCityPair[]): ImportedPartnership[] {
  const { communities, sides } = resolveCommunities(pairs);
  const bySlug = new Map(communities.map((c) => [c.slug, c]));
  const byId = new Map<string, Omit<ImportedPartnership, "provenance"> & { sources: string[] }>();
  const problems: string[] = [];
  sides.forEach(({ usSlug, partnerSlug }, index) => {
    const pair = pairs[index];
    const us = bySlug.get(usSlug);
    const partner = bySlug.get(partnerSlug);
    if (!us || !partner) return problems.push(`line ${pair.line}: the pair's communities could not be resolved`);
    if (us.id === partner.id) return problems.push(`line ${pair.line}: "${pair.usCity}" is paired with itself`);
    if (us.countryCode === partner.countryCode) {
      return problems.push(`line ${pair.line}: both communities are in ${us.countryCode}; a partnership joins two countries`);
    }
    const id = partnershipId(usSlug, partnerSlug);
    const existing = byId.get(id);
    if (existing) {
      existing.sources.push(pair.source);
      existing.lines.push(pair.line);
      if (pair.sinceYear !== null) existing.establishedYear = Math.min(existing.establishedYear ?? pair.sinceYear, pair.sinceYear);
      return;
    }
    byId.set(id, {
      id, aId: us.id, aCountry: us.countryCode, aRegion: us.regionCode, bId: partner.id, bCountry: partner.countryCode,
      bRegion: partner.regionCode, aSortName: foldText(us.name), bSortName: foldText(partner.name),
      aWorldRegion: countryRecord(us.countryCode).region, bWorldRegion: countryRecord(partner.countryCode).region,
      establishedYear: pair.sinceYear, sources: [pair.source], lines: [pair.line],
    });
  });
  if (problems.length > 0) throw new DataFileError(SISTER_CITIES_CSV, problems);
  return [...byId.values()].map(({ sources, ...partnership }) => ({ ...partnership, provenance: provenanceOfSources(sources) }));
}

/**
 * Loads every real pair as an ACTIVE partnership, in one transaction and two statements (the
 * partnerships, then the history entry of each newly inserted one). Idempotent: ids are derived
 * from the communities' slugs; a re-import refreshes only what the data says (source, year) and
 * never touches what people changed since (status, signatures, history).
 */
export async function importPartnerships(dataSource: DataSource, log: Pick<Logger, "info">): Promise<PartnershipsImportReport> {
  const pairs = readSisterCityPairs();
  const partnerships = buildImportedPartnerships(pairs);
  const column = <K extends keyof ImportedPartnership>(key: K) => partnerships.map((p) => p[key]);
  const provenance = <K extends keyof Provenance>(key: K) => partnerships.map((p) => p.provenance[key]);
  const inserted = await dataSource.transaction(async (manager) => {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO "partnerships"."partnership" AS p
         ("id", "status", "community_a_id", "community_a_country", "community_a_region",
          "community_b_id", "community_b_country", "community_b_region", "established_year",
          "provenance_kind", "provenance_source", "provenance_url", "provenance_licence", "provenance_retrieved_on", "provenance_last_verified_on",
          "community_a_sort_name", "community_b_sort_name", "community_a_world_region", "community_b_world_region")
       SELECT id, $1, a_id, a_country, a_region, b_id, b_country, b_region, established_year, 'REAL', source, url, licence, retrieved_on, verified_on,
              a_name, b_name, a_world, b_world
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::int[],
                   $10::text[], $11::text[], $12::text[], $13::date[], $14::date[], $15::text[], $16::text[], $17::text[], $18::text[])
         AS data(id, a_id, a_country, a_region, b_id, b_country, b_region, established_year, source, url, licence, retrieved_on, verified_on,
                 a_name, b_name, a_world, b_world)
       ON CONFLICT ("id") DO UPDATE SET
         "community_a_sort_name" = EXCLUDED."community_a_sort_name",
         "community_b_sort_name" = EXCLUDED."community_b_sort_name",
         "community_a_world_region" = EXCLUDED."community_a_world_region",
         "community_b_world_region" = EXCLUDED."community_b_world_region",
         "provenance_source" = EXCLUDED."provenance_source",
         "provenance_url" = EXCLUDED."provenance_url",
         "provenance_licence" = EXCLUDED."provenance_licence",
         "provenance_retrieved_on" = EXCLUDED."provenance_retrieved_on",
         "provenance_last_verified_on" = EXCLUDED."provenance_last_verified_on",
         "established_year" = COALESCE(p."established_year", EXCLUDED."established_year")
       WHERE p."provenance_kind" = 'REAL'
         AND (p."provenance_source", p."provenance_url", p."provenance_licence", p."provenance_retrieved_on", p."provenance_last_verified_on", p."established_year",
              p."community_a_sort_name", p."community_b_sort_name", p."community_a_world_region", p."community_b_world_region")
             IS DISTINCT FROM (EXCLUDED."provenance_source", EXCLUDED."provenance_url", EXCLUDED."provenance_licence", EXCLUDED."provenance_retrieved_on",
                               EXCLUDED."provenance_last_verified_on", COALESCE(p."established_year", EXCLUDED."established_year"),
                               EXCLUDED."community_a_sort_name", EXCLUDED."community_b_sort_name", EXCLUDED."community_a_world_region", EXCLUDED."community_b_world_region")
       RETURNING "id", (xmax = 0) AS "inserted"`,
      [
        PartnershipStatus.ACTIVE, column("id"), column("aId"), column("aCountry"), column("aRegion"), column("bId"),
        column("bCountry"), column("bRegion"), column("establishedYear"), provenance("source"), provenance("url"), provenance("licence"),
        provenance("retrievedOn"), provenance("lastVerifiedOn"), column("aSortName"), column("bSortName"), column("aWorldRegion"), column("bWorldRegion"),
      ],
    );
    const insertedIds = rows.filter((row) => (row as { inserted?: boolean }).inserted).map((row) => row.id);
    if (insertedIds.length > 0) {
      await manager.query(
        `INSERT INTO "partnerships"."status_change" ("partnership_id", "from_status", "to_status", "changed_by", "reason")
         SELECT id, NULL, $1, 'import', 'Imported from the sister-city data set (English Wikipedia lists).'
         FROM unnest($2::uuid[]) AS data(id)`,
        [PartnershipStatus.ACTIVE, insertedIds],
      );
    }
    return insertedIds.length;
  });
  const report = { rows: pairs.length, partnerships: partnerships.length, merged: pairs.length - partnerships.length, inserted };
  log.info(`partnerships: ${report.rows} rows read, ${report.partnerships} partnerships (${report.merged} merged), ${inserted} new`);
  return report;
}
