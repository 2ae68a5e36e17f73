import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { US_STATES } from "../domain/us-states.js";

/**
 * The real US ↔ abroad sister-city pairs (English Wikipedia, CC BY-SA 4.0; attribution in
 * shared/data/sister-cities/README.md). Every importer reads them through this module.
 */
export const SISTER_CITIES_CSV = join(__dirname, "..", "..", "data", "sister-cities", "partnerships.csv");

export type UsKind = "city" | "county" | "state";

export interface SisterCityPair {
  /** 1-based line in the CSV (the header is line 1), for error messages. */
  line: number;
  usCity: string;
  usState: string;
  usKind: UsKind;
  partnerCity: string;
  partnerRegion: string | null;
  partnerCountry: string;
  partnerCountryCode: string;
  sinceYear: number | null;
  source: string;
}

export class DataFileError extends Error {
  constructor(readonly file: string, readonly problems: readonly string[]) {
    super(`${file} has ${problems.length} bad row(s); nothing was loaded:\n  - ${problems.slice(0, 50).join("\n  - ")}`);
    this.name = "DataFileError";
  }
}

const COLUMNS = ["us_city", "us_state", "us_kind", "partner_city", "partner_region", "partner_country", "partner_country_code", "since_year", "source"];

/**
 * Parses and validates the whole file before returning anything: a malformed row is reported
 * with its line number and reason, and the caller gets no rows at all (never half a file).
 */
export function parseSisterCityPairs(text: string, file = "partnerships.csv", currentYear = new Date().getUTCFullYear()): SisterCityPair[] {
  const records: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true });
  const [header, ...rows] = records;
  if (!header || header.join(",") !== COLUMNS.join(",")) {
    throw new DataFileError(file, [`line 1: expected the header "${COLUMNS.join(",")}"`]);
  }
  const problems: string[] = [];
  const pairs: SisterCityPair[] = [];
  rows.forEach((cells, index) => {
    const line = index + 2;
    const bad = (reason: string) => problems.push(`line ${line}: ${reason}`);
    if (cells.length !== COLUMNS.length) return bad(`expected ${COLUMNS.length} columns, found ${cells.length}`);
    const [usCity, usState, usKind, partnerCity, partnerRegion, partnerCountry, code, since, source] = cells.map((c) => c.trim());
    if (!usCity) return bad("us_city is empty");
    if (!US_STATES[usState]) return bad(`us_state "${usState}" is not a USPS state code`);
    if (!["city", "county", "state"].includes(usKind)) return bad(`us_kind "${usKind}" is not city, county or state`);
    if (!partnerCity) return bad("partner_city is empty");
    if (!/^[A-Z]{2}$/.test(code)) return bad(`partner_country_code "${code}" is not an ISO 3166-1 alpha-2 code`);
    if (code === "US") return bad("the partner is in the United States; a sister-city pair joins two countries");
    if (!partnerCountry) return bad("partner_country is empty");
    let sinceYear: number | null = null;
    if (since) {
      sinceYear = Number(since);
      if (!Number.isInteger(sinceYear) || sinceYear < 1900 || sinceYear > currentYear) return bad(`since_year "${since}" is not a year from 1900 to ${currentYear}`);
    }
    if (!source) return bad("source is empty");
    pairs.push({
      line, usCity, usState, usKind: usKind as UsKind, partnerCity, partnerRegion: partnerRegion || null,
      partnerCountry, partnerCountryCode: code, sinceYear, source,
    });
  });
  if (problems.length > 0) throw new DataFileError(file, problems);
  return pairs;
}

export function readSisterCityPairs(file = SISTER_CITIES_CSV): SisterCityPair[] {
  return parseSisterCityPairs(readFileSync(file, "utf8"), file);
}
