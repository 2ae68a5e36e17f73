import { readFileSync } from "node:fs";
import { join } from "node:path";
import { feature } from "topojson-client";
import worldCountries from "world-countries";
import { foldText } from "../ids/slug.js";
import { partnershipId } from "../ids/stable-id.js";
import { aliasFor, readCommunityAliases, type CommunityAlias } from "./community-aliases.js";
import { CoordinateFinder } from "./gazetteer.js";
import { resolveCommunities, type CommunityRecord } from "./sister-city-communities.js";
import { readSisterCityPairs, type SisterCityPair } from "./sister-city-pairs.js";

export const AUDIT_BASELINE_JSON = join(__dirname, "..", "..", "data", "sister-cities", "audit-baseline.json");

/** What the audit looks for (`npm run data:audit`). */
export const AUDIT_CHECKS = {
  "same-slug": "Spellings that fold to one community's slug but differ in the raw data, with no alias saying they are one place",
  "near-duplicate": "US communities in one state whose names differ only in punctuation or a suffix (\"Washington\" / \"Washington D.C.\")",
  "duplicate-pair": "Rows that name the same pair once their names are resolved (merged into one partnership)",
  "coordinates-elsewhere": "Coordinates that fall inside another country's borders (Natural Earth 1:10m)",
  "no-coordinates": "Communities the gazetteer has no place for",
} as const;
export type AuditCheck = keyof typeof AUDIT_CHECKS;

export interface AuditFinding {
  check: AuditCheck;
  /** Stable, so the baseline can acknowledge it: `<check>:<slug or pair>`. */
  key: string;
  detail: string;
  /** The alias-table line that explains it, when one does (then it is not a problem). */
  explainedBy?: string;
}

export interface AuditReport {
  communities: number;
  withCoordinates: number;
  partnerships: number;
  findings: AuditFinding[];
}

type Ring = number[][];

/** Even-odd ray casting in longitude/latitude: exact enough to tell countries apart (Natural Earth cuts polygons at ±180°). */
function inRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Which countries' polygons a point falls in, from Natural Earth 1:10m (world-atlas, public domain) with ISO alpha-2 codes. */
class Borders {
  private readonly countries: { code: string; polygons: Ring[][]; box: [number, number, number, number] }[];

  constructor() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const topology = require("world-atlas/countries-10m.json");
    const byNumeric = new Map(worldCountries.map((c) => [c.ccn3, c.cca2]));
    const byName: Record<string, string> = { Kosovo: "XK", "N. Cyprus": "CY", Somaliland: "SO" };
    const collection = feature(topology, topology.objects.countries) as unknown as GeoJSON.FeatureCollection;
    this.countries = collection.features.flatMap((shape) => {
      const code = (shape.id && byNumeric.get(String(shape.id))) || byName[(shape.properties as { name: string }).name];
      const geometry = shape.geometry;
      if (!code || !geometry || (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon")) return [];
      // A ring that crosses the antimeridian is moved to 0°–360° longitude, where it is whole.
      const unwrap = (ring: Ring): Ring =>
        ring.some(([x], i) => i > 0 && Math.abs(x - ring[i - 1][0]) > 180) ? ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]) : ring;
      const polygons = ((geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates) as Ring[][]).map((polygon) => polygon.map(unwrap));
      let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const polygon of polygons) {
        for (const [x, y] of polygon[0]) {
          if (x < west) west = x;
          if (x > east) east = x;
          if (y < south) south = y;
          if (y > north) north = y;
        }
      }
      return [{ code, polygons, box: [west, south, east, north] as [number, number, number, number] }];
    });
  }

  private test(country: (typeof this.countries)[number], longitude: number, latitude: number): boolean {
    const inside = (x: number) => {
      const [west, south, east, north] = country.box;
      return x >= west && x <= east && latitude >= south && latitude <= north &&
        country.polygons.some(([outer, ...holes]) => inRing(outer, x, latitude) && !holes.some((hole) => inRing(hole, x, latitude)));
    };
    return inside(longitude) || (longitude < 0 && inside(longitude + 360));
  }

  /** Whether the point lies inside this country's borders. */
  contains(code: string, longitude: number, latitude: number): boolean {
    return this.countries.some((country) => country.code === code && this.test(country, longitude, latitude));
  }

  /** The countries whose borders contain the point (none at sea or on a coast the outline misses). */
  containing(longitude: number, latitude: number): string[] {
    return this.countries.filter((country) => this.test(country, longitude, latitude)).map((c) => c.code);
  }
}

/** Loaded once per process (they take seconds): the gazetteer and the borders never change while it runs. */
let gazetteer: CoordinateFinder | undefined;
let countryBorders: Borders | undefined;

/** A US name with its punctuation and generic suffixes dropped, to spot two spellings of one place. */
function nearKey(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\b(city|town|township|village|borough|d c|dc|of|the)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Audits the sister-city data as the importers will read it (aliases applied): names that merge or
 * split wrongly, duplicate pairs, coordinates that land in the wrong country, communities without
 * coordinates. Pure: give it other pairs or aliases to see what they would change (an empty alias
 * table shows the data as it was before the aliases).
 */
export function auditSisterCityData(
  pairs: readonly SisterCityPair[] = readSisterCityPairs(),
  aliases: readonly CommunityAlias[] = readCommunityAliases(),
): AuditReport {
  const { communities, sides } = resolveCommunities(pairs, aliases);
  const findings: AuditFinding[] = [];
  const aliasLine = (alias: CommunityAlias | undefined) => alias && `aliases.csv: ${alias.name} → ${alias.canonicalName}${alias.canonicalRegion ? ` (${alias.canonicalRegion})` : ""}`;
  const aliasOf = (c: CommunityRecord, raw: string) => aliasFor(aliases, c.countryCode, c.countryCode === "US" ? c.regionCode : c.region, raw);

  for (const community of communities) {
    if (community.rawNames.length < 2) continue;
    const unexplained = community.rawNames.filter((raw) => raw !== community.name && !aliasOf(community, raw));
    findings.push({
      check: "same-slug",
      key: `same-slug:${community.slug}`,
      detail: `${community.rawNames.map((n) => `"${n}"`).join(" and ")} all become ${community.slug}`,
      explainedBy: unexplained.length === 0 ? community.rawNames.map((raw) => aliasLine(aliasOf(community, raw))).find(Boolean) : undefined,
    });
  }

  const byState = new Map<string, CommunityRecord[]>();
  for (const c of communities.filter((c) => c.countryCode === "US")) {
    const key = `${c.regionCode}|${c.kind}|${nearKey(c.name)}`;
    byState.set(key, [...(byState.get(key) ?? []), c]);
  }
  for (const group of byState.values()) {
    if (group.length < 2) continue;
    const slugs = group.map((c) => c.slug).sort();
    findings.push({ check: "near-duplicate", key: `near-duplicate:${slugs.join("+")}`, detail: group.map((c) => `"${c.name}" (${c.slug})`).join(" / ") });
  }

  const pairsById = new Map<string, number[]>();
  sides.forEach(({ usSlug, partnerSlug }, index) => {
    const id = partnershipId(usSlug, partnerSlug);
    pairsById.set(id, [...(pairsById.get(id) ?? []), index]);
  });
  for (const rows of pairsById.values()) {
    if (rows.length < 2) continue;
    const { usSlug, partnerSlug } = sides[rows[0]];
    const aliased = rows.map((i) => pairs[i]).flatMap((pair) => [aliasFor(aliases, "US", pair.usState, pair.usCity), aliasFor(aliases, pair.partnerCountryCode, pair.partnerRegion, pair.partnerCity)]).find((a) => a && a.name !== a.canonicalName);
    findings.push({
      check: "duplicate-pair",
      key: `duplicate-pair:${[usSlug, partnerSlug].join("|")}`,
      detail: `lines ${rows.map((i) => pairs[i].line).join(", ")} all name ${usSlug} – ${partnerSlug} (merged into one partnership)`,
      explainedBy: aliasLine(aliased),
    });
  }

  const finder = (gazetteer ??= new CoordinateFinder());
  const borders = (countryBorders ??= new Borders());
  let withCoordinates = 0;
  for (const c of communities) {
    const point = finder.find(c.gazetteer?.name ?? c.name, c.countryCode, c.regionCode, c.gazetteer?.admin ?? null);
    if (!point) {
      findings.push({ check: "no-coordinates", key: `no-coordinates:${c.slug}`, detail: `${c.name} (${c.countryCode}${c.regionCode ? `, ${c.regionCode}` : ""})` });
      continue;
    }
    withCoordinates += 1;
    // Most points are at home: test their own country first, and look further only when they are not.
    const inside = borders.contains(c.countryCode, point.longitude, point.latitude) ? [c.countryCode] : borders.containing(point.longitude, point.latitude);
    if (inside.length > 0 && !inside.includes(c.countryCode)) {
      findings.push({
        check: "coordinates-elsewhere",
        key: `coordinates-elsewhere:${c.slug}`,
        detail: `${c.name} (${c.countryCode}) at ${point.latitude.toFixed(3)}, ${point.longitude.toFixed(3)} lies in ${inside.join(", ")}`,
      });
    }
  }
  return { communities: communities.length, withCoordinates, partnerships: pairsById.size, findings };
}

/** Findings people have looked at and accepted, by check, each group with the reason (audit-baseline.json). */
export type AuditBaseline = Partial<Record<AuditCheck, { reason: string; keys: string[] }>>;

export function readAuditBaseline(file = AUDIT_BASELINE_JSON): AuditBaseline {
  return JSON.parse(readFileSync(file, "utf8")) as AuditBaseline;
}

export interface AuditSummary {
  check: AuditCheck;
  found: number;
  /** Explained by the alias table, or acknowledged in the baseline with a reason. */
  accounted: number;
  fresh: AuditFinding[];
}

/** Per check: what was found, what the alias table or the baseline accounts for, and what is new (a reason to fail). */
export function summarizeAudit(report: AuditReport, baseline: AuditBaseline): AuditSummary[] {
  return (Object.keys(AUDIT_CHECKS) as AuditCheck[]).map((check) => {
    const found = report.findings.filter((f) => f.check === check);
    const acknowledged = new Set(baseline[check]?.keys ?? []);
    const fresh = found.filter((f) => !f.explainedBy && !acknowledged.has(f.key));
    return { check, found: found.length, accounted: found.length - fresh.length, fresh };
  });
}
