import { communityId } from "../ids/stable-id.js";
import { communitySlug, slugify } from "../ids/slug.js";
import { US_STATES } from "../domain/us-states.js";
import { aliasFor, readCommunityAliases, type CommunityAlias } from "./community-aliases.js";
import type { SisterCityPair } from "./sister-city-pairs.js";

export type CommunityKindName = "CITY" | "COUNTY" | "STATE";

/** One community as the data names it; the directory imports these, the other subgraphs refer to their ids. */
export interface CommunityRecord {
  id: string;
  slug: string;
  name: string;
  kind: CommunityKindName;
  countryCode: string;
  /** USPS code for US communities; null abroad (the data has no region codes there). */
  regionCode: string | null;
  region: string | null;
  /** The Wikipedia list pages the community was found on. */
  sources: string[];
  /** Every spelling the data uses for it (more than one where the alias table merged spellings). */
  rawNames: string[];
  /** How the gazetteer knows it, where the alias table says (else its name and, in the US, its state). */
  gazetteer: { name: string; admin: string | null } | null;
}

export interface ResolvedPairs {
  communities: CommunityRecord[];
  /** For each pair, in input order: the US side's and the partner's slugs. */
  sides: { usSlug: string; partnerSlug: string }[];
}

const partnerKind = (name: string): CommunityKindName => (/\bcounty\b|\bprefecture\b/i.test(name) ? "COUNTY" : "CITY");

/**
 * Deduplicates the communities on both sides of every pair and gives each its slug and id.
 * Each side's name is first looked up in the alias table (shared/data/sister-cities/aliases.csv),
 * which merges two spellings of one place and tells apart two places that fold to one name.
 * US communities are keyed by name and state. A foreign community is keyed by its slug (name and
 * country), except where one name stands for places in two regions of one country (Taizhou,
 * Jiangsu / Taizhou, Zhejiang; Münster, North Rhine-Westphalia / Munster, Lower Saxony): those get
 * their region in their slug (`taizhou-jiangsu-cn`) so two real towns never merge.
 */
export function resolveCommunities(pairs: readonly SisterCityPair[], aliases: readonly CommunityAlias[] = readCommunityAliases()): ResolvedPairs {
  const partner = (pair: SisterCityPair) => {
    const alias = aliasFor(aliases, pair.partnerCountryCode, pair.partnerRegion, pair.partnerCity);
    return { name: alias?.canonicalName ?? pair.partnerCity, region: alias?.canonicalRegion ?? pair.partnerRegion, alias };
  };
  const regionsByBaseSlug = new Map<string, Set<string>>();
  for (const pair of pairs) {
    const { name, region } = partner(pair);
    const base = communitySlug(name, pair.partnerCountryCode);
    const regions = regionsByBaseSlug.get(base) ?? new Set<string>();
    if (region) regions.add(region);
    regionsByBaseSlug.set(base, regions);
  }
  const bySlug = new Map<string, CommunityRecord>();
  const add = (record: Omit<CommunityRecord, "id" | "sources" | "rawNames">, rawName: string, source: string) => {
    let existing = bySlug.get(record.slug);
    if (!existing) bySlug.set(record.slug, (existing = { ...record, id: communityId(record.slug), sources: [], rawNames: [] }));
    for (const part of source.split(";")) if (!existing.sources.includes(part)) existing.sources.push(part);
    if (!existing.rawNames.includes(rawName)) existing.rawNames.push(rawName);
    if (!existing.region && record.region) existing.region = record.region;
    existing.gazetteer ??= record.gazetteer;
    return existing.slug;
  };
  const sides = pairs.map((pair) => {
    const usAlias = aliasFor(aliases, "US", pair.usState, pair.usCity);
    const usName = usAlias?.canonicalName ?? pair.usCity;
    const usSlug = add(
      {
        slug: communitySlug(usName, "US", pair.usState),
        name: usName,
        kind: pair.usKind.toUpperCase() as CommunityKindName,
        countryCode: "US",
        regionCode: pair.usState,
        region: US_STATES[pair.usState] ?? null,
        gazetteer: usAlias?.gazetteerName ? { name: usAlias.gazetteerName, admin: usAlias.gazetteerAdmin ?? pair.usState } : null,
      },
      pair.usCity,
      pair.source,
    );
    const { name, region, alias } = partner(pair);
    const base = communitySlug(name, pair.partnerCountryCode);
    const ambiguous = (regionsByBaseSlug.get(base)?.size ?? 0) > 1 && region;
    const partnerSlug = add(
      {
        slug: ambiguous ? `${slugify(name)}-${slugify(region!)}-${pair.partnerCountryCode.toLowerCase()}` : base,
        name,
        kind: partnerKind(name),
        countryCode: pair.partnerCountryCode,
        regionCode: null,
        region,
        gazetteer: alias?.gazetteerName ? { name: alias.gazetteerName, admin: alias.gazetteerAdmin } : null,
      },
      pair.partnerCity,
      pair.source,
    );
    return { usSlug, partnerSlug };
  });
  return { communities: [...bySlug.values()], sides };
}
