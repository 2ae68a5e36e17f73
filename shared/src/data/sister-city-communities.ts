import { communityId } from "../ids/stable-id.js";
import { communitySlug, slugify } from "../ids/slug.js";
import type { SisterCityPair } from "./sister-city-pairs.js";
import { US_STATES } from "../domain/us-states.js";

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
}

export interface ResolvedPairs {
  communities: CommunityRecord[];
  /** For each pair, in input order: the US side's and the partner's slugs. */
  sides: { usSlug: string; partnerSlug: string }[];
}

const partnerKind = (name: string): CommunityKindName => (/\bcounty\b|\bprefecture\b/i.test(name) ? "COUNTY" : "CITY");

/**
 * Deduplicates the communities on both sides of every pair and gives each its slug and id.
 * US communities are keyed by name and state. A foreign community is keyed by its slug
 * (name and country), except where the data names the same city name in two different
 * regions of one country (Taizhou, Jiangsu / Taizhou, Zhejiang): those get the region in
 * their slug (`taizhou-jiangsu-cn`) so two real cities never merge.
 */
export function resolveCommunities(pairs: readonly SisterCityPair[]): ResolvedPairs {
  const regionsByBaseSlug = new Map<string, Set<string>>();
  for (const pair of pairs) {
    const base = communitySlug(pair.partnerCity, pair.partnerCountryCode);
    const regions = regionsByBaseSlug.get(base) ?? new Set<string>();
    if (pair.partnerRegion) regions.add(pair.partnerRegion);
    regionsByBaseSlug.set(base, regions);
  }
  const bySlug = new Map<string, CommunityRecord>();
  const add = (record: Omit<CommunityRecord, "id" | "sources">, source: string) => {
    let existing = bySlug.get(record.slug);
    if (!existing) bySlug.set(record.slug, (existing = { ...record, id: communityId(record.slug), sources: [] }));
    for (const part of source.split(";")) if (!existing.sources.includes(part)) existing.sources.push(part);
    if (!existing.region && record.region) existing.region = record.region;
    return existing.slug;
  };
  const sides = pairs.map((pair) => {
    const usSlug = add(
      {
        slug: communitySlug(pair.usCity, "US", pair.usState),
        name: pair.usCity,
        kind: pair.usKind.toUpperCase() as CommunityKindName,
        countryCode: "US",
        regionCode: pair.usState,
        region: US_STATES[pair.usState] ?? null,
      },
      pair.source,
    );
    const base = communitySlug(pair.partnerCity, pair.partnerCountryCode);
    const ambiguous = (regionsByBaseSlug.get(base)?.size ?? 0) > 1 && pair.partnerRegion;
    const partnerSlug = add(
      {
        slug: ambiguous ? `${slugify(pair.partnerCity)}-${slugify(pair.partnerRegion!)}-${pair.partnerCountryCode.toLowerCase()}` : base,
        name: pair.partnerCity,
        kind: partnerKind(pair.partnerCity),
        countryCode: pair.partnerCountryCode,
        regionCode: null,
        region: pair.partnerRegion,
      },
      pair.source,
    );
    return { usSlug, partnerSlug };
  });
  return { communities: [...bySlug.values()], sides };
}
