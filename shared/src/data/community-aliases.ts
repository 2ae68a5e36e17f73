import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { DataFileError } from "./sister-city-pairs.js";

export const COMMUNITY_ALIASES_CSV = join(__dirname, "..", "..", "data", "sister-cities", "aliases.csv");

/**
 * One line of the alias table (shared/data/sister-cities/aliases.csv): how a community the data
 * names is really called and placed, with the reason. It merges two spellings of one place
 * ("Washington D.C." and "Washington", DC), or tells two places apart that fold to one slug
 * (Münster in North Rhine-Westphalia, Munster in Lower Saxony: their regions then join their slugs),
 * or names the place as the gazetteer knows it, so its coordinates are found.
 */
export interface CommunityAlias {
  countryCode: string;
  /** The US state, or the partner region as the data gives it; null: any. */
  region: string | null;
  /** The name exactly as the data writes it. */
  name: string;
  canonicalName: string;
  /** A region to give a community abroad (it then takes part in its slug when its name is shared). */
  canonicalRegion: string | null;
  gazetteerName: string | null;
  /** GeoNames admin1 code (the US state for US communities). */
  gazetteerAdmin: string | null;
  reason: string;
}

const COLUMNS = ["country_code", "region", "name", "canonical_name", "canonical_region", "gazetteer_name", "gazetteer_admin", "reason"];

export function parseCommunityAliases(text: string, file = "aliases.csv"): CommunityAlias[] {
  const [header, ...rows]: string[][] = parse(text, { skip_empty_lines: true, bom: true, relax_column_count: true });
  if (!header || header.join(",") !== COLUMNS.join(",")) throw new DataFileError(file, [`line 1: expected the header "${COLUMNS.join(",")}"`]);
  const problems: string[] = [];
  const aliases = rows.flatMap((cells, index) => {
    const line = index + 2;
    if (cells.length !== COLUMNS.length) return problems.push(`line ${line}: expected ${COLUMNS.length} columns, found ${cells.length}`), [];
    const [countryCode, region, name, canonicalName, canonicalRegion, gazetteerName, gazetteerAdmin, reason] = cells.map((c) => c.trim());
    if (!/^[A-Z]{2}$/.test(countryCode)) problems.push(`line ${line}: "${countryCode}" is not a country code`);
    if (!name || !canonicalName) problems.push(`line ${line}: name and canonical_name are required`);
    if (reason.length < 20) problems.push(`line ${line}: give the reason for the alias in a sentence`);
    return [{ countryCode, region: region || null, name, canonicalName, canonicalRegion: canonicalRegion || null, gazetteerName: gazetteerName || null, gazetteerAdmin: gazetteerAdmin || null, reason }];
  });
  if (problems.length) throw new DataFileError(file, problems);
  return aliases;
}

export function readCommunityAliases(file = COMMUNITY_ALIASES_CSV): CommunityAlias[] {
  return parseCommunityAliases(readFileSync(file, "utf8"), file);
}

/** Finds the alias of a community as the data names it (country, region or state, exact name), if any. */
export function aliasFor(aliases: readonly CommunityAlias[], countryCode: string, region: string | null, name: string): CommunityAlias | undefined {
  return aliases.find((a) => a.countryCode === countryCode && a.name === name && (a.region === null || a.region === region));
}
