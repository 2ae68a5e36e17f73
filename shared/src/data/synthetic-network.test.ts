import { communityId, partnershipId } from "../ids/stable-id.js";
import { generateSamplePrograms } from "./sample-programs.js";
import { readSisterCityPairs } from "./sister-city-pairs.js";
import {
  generateSyntheticNetwork, loadGazetteer, realNetworkProfile, SYNTHETIC_SLUG_MARKER, SYNTHETIC_SOURCE, SYNTHETIC_YEARS,
  type GazetteerCity, type SyntheticNetwork,
} from "./synthetic-network.js";
import { US_STATES } from "../domain/us-states.js";

const pairs = readSisterCityPairs();
const real = realNetworkProfile(pairs);
const realPartnerships = real.partnerCountries.length;
const realCommunities = real.slugs.size;

/** How many times each value occurs. */
const tally = (values: readonly string[]) => values.reduce((counts, v) => counts.set(v, (counts.get(v) ?? 0) + 1), new Map<string, number>());
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe("generateSyntheticNetwork", () => {
  let three: SyntheticNetwork;
  beforeAll(() => {
    three = generateSyntheticNetwork(3);
  });

  it("adds nothing at factor 1 and refuses a factor that is not a whole number from 1 to 1000", () => {
    expect(generateSyntheticNetwork(1)).toEqual({ factor: 1, countries: [], communities: [], partnerships: [], programs: [] });
    expect(() => generateSyntheticNetwork(0)).toThrow("The scale factor must be a whole number from 1 to 1000, but is 0.");
    expect(() => generateSyntheticNetwork(2.5)).toThrow(RangeError);
    expect(() => generateSyntheticNetwork(1001)).toThrow(RangeError);
  });

  it("is deterministic, and a smaller factor's rows are a prefix of a larger factor's", () => {
    const two = generateSyntheticNetwork(2);
    expect(generateSyntheticNetwork(2)).toEqual(two);
    expect(three.communities.slice(0, two.communities.length)).toEqual(two.communities);
    expect(three.partnerships.slice(0, two.partnerships.length)).toEqual(two.partnerships);
    expect(three.programs.slice(0, two.programs.length)).toEqual(two.programs);
    expect(three.communities.length).toBeGreaterThan(two.communities.length);
  });

  it("adds (factor − 1) times the real network's communities, partnerships and sample programs", () => {
    expect(three.communities.length).toBeGreaterThan(2 * realCommunities * 0.99);
    expect(three.communities.length).toBeLessThanOrEqual(2 * realCommunities);
    expect(three.partnerships.length).toBeGreaterThan(2 * realPartnerships * 0.995);
    expect(three.partnerships.length).toBeLessThanOrEqual(2 * realPartnerships);
    const realPrograms = generateSamplePrograms(1956, pairs).length;
    expect(three.programs.length / (2 * realPrograms)).toBeGreaterThan(0.85);
    expect(three.programs.length / (2 * realPrograms)).toBeLessThan(1.15);
  });

  it("copies the real country mix of the partners abroad", () => {
    const synthetic = tally(three.partnerships.map((p) => p.bCountry));
    const expected = tally(real.partnerCountries);
    expect(synthetic.get("JP")).toBeGreaterThanOrEqual(2 * 321 - 2);
    expect(synthetic.get("MX")).toBeGreaterThanOrEqual(2 * 281 - 2);
    // Total variation distance between the two country distributions: 0 would be identical.
    let distance = 0;
    for (const code of new Set([...synthetic.keys(), ...expected.keys()])) {
      distance += Math.abs((synthetic.get(code) ?? 0) / three.partnerships.length - (expected.get(code) ?? 0) / realPartnerships) / 2;
    }
    expect(distance).toBeLessThan(0.01);
  });

  it("copies the real number of partners per US member (median 1, mean 2.5, max 34) and per partner abroad", () => {
    expect(median(real.usPartnerCounts)).toBe(1);
    expect(Math.max(...real.usPartnerCounts)).toBe(34);
    const perMember = [...tally(three.partnerships.map((p) => p.aId)).values()];
    expect(perMember).toHaveLength(2 * real.usPartnerCounts.length);
    expect(median(perMember)).toBe(1);
    expect(Math.max(...perMember)).toBe(34);
    expect(mean(perMember)).toBeCloseTo(mean(real.usPartnerCounts), 1);
    const perPartner = [...tally(three.partnerships.map((p) => p.bId)).values()];
    const realPerPartner = [...real.foreignPartnerCounts.values()].flat();
    expect(mean(perPartner)).toBeCloseTo(mean(realPerPartner), 1);
    expect(Math.max(...perPartner)).toBe(Math.max(...realPerPartner));
  });

  it("never reuses a real slug or id: every slug carries the synthetic marker, every row is synthetic", () => {
    const slugs = three.communities.map((c) => c.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.filter((slug) => real.slugs.has(slug))).toEqual([]);
    expect(slugs.filter((slug) => !SYNTHETIC_SLUG_MARKER.test(slug))).toEqual([]);
    expect([...real.slugs].filter((slug) => SYNTHETIC_SLUG_MARKER.test(slug))).toEqual([]);
    expect(three.communities.every((c) => c.id === communityId(c.slug))).toBe(true);
    expect(new Set(three.partnerships.map((p) => p.id)).size).toBe(three.partnerships.length);
    expect(three.partnerships.every((p) => p.id === partnershipId(p.aSlug, p.bSlug))).toBe(true);
    const rows = [...three.communities, ...three.partnerships, ...three.programs, ...three.programs.flatMap((p) => p.exchanges)];
    expect(rows.filter((row) => row.source !== SYNTHETIC_SOURCE)).toEqual([]);
    // The marker only shapes slugs; names, titles and descriptions read like the real sample's.
    const texts = three.programs.flatMap((p) => [p.title, p.description, ...p.communityNames, ...p.exchanges.map((e) => e.description ?? "")]);
    expect(texts.filter((text) => /\bsyn\d+x\d+\b/.test(text))).toEqual([]);
  });

  it("stores both sides' countries and regions the way the partnerships subgraph does (side A the US member)", () => {
    const byId = new Map(three.communities.map((c) => [c.id, c]));
    for (const p of three.partnerships) {
      const [a, b] = [byId.get(p.aId)!, byId.get(p.bId)!];
      expect({ aSlug: a.slug, bSlug: b.slug, aCountry: p.aCountry, aRegion: p.aRegion, bCountry: p.bCountry, bRegion: p.bRegion }).toEqual({
        aSlug: p.aSlug, bSlug: p.bSlug, aCountry: "US", aRegion: a.regionCode, bCountry: b.countryCode, bRegion: null,
      });
      expect(US_STATES[p.aRegion!]).toBe(a.region);
      expect(p.bCountry).not.toBe("US");
    }
    const codes = new Set(three.communities.map((c) => c.countryCode));
    expect(three.countries.map((c) => c.code)).toEqual([...codes].sort());
    expect(three.countries.find((c) => c.code === "JP")).toEqual({ code: "JP", name: "Japan" });
  });

  it("dates agreements from 1956 to now, most of them from 1980 to 2000", () => {
    const years = three.partnerships.map((p) => p.establishedYear);
    expect(Math.min(...years)).toBeGreaterThanOrEqual(SYNTHETIC_YEARS[0]);
    expect(Math.max(...years)).toBeLessThanOrEqual(SYNTHETIC_YEARS[1]);
    const peak = years.filter((y) => y >= 1980 && y <= 2000).length / years.length;
    expect(peak).toBeGreaterThan(0.65);
    expect(peak).toBeLessThan(0.8);
  });

  it("gives about a quarter of the partnerships programs, with exchanges between the partnership's two sides", () => {
    const partnerships = new Map(three.partnerships.map((p) => [p.id, p]));
    const withPrograms = new Set(three.programs.map((p) => p.partnershipId));
    expect(withPrograms.size / three.partnerships.length).toBeGreaterThan(0.22);
    expect(withPrograms.size / three.partnerships.length).toBeLessThan(0.28);
    expect(new Set(three.programs.map((p) => p.id)).size).toBe(three.programs.length);
    for (const program of three.programs) {
      const partnership = partnerships.get(program.partnershipId)!;
      expect(program.communityIds).toEqual([partnership.aId, partnership.bId]);
      expect(program.communitySlugs).toEqual([partnership.aSlug, partnership.bSlug]);
      for (const exchange of program.exchanges) {
        expect([exchange.fromCommunityId, exchange.toCommunityId].sort()).toEqual([...program.communityIds].sort());
        expect(exchange.programId).toBe(program.id);
      }
    }
  });

  it("names members after gazetteer places drawn by population, each place at most once per block", () => {
    const place = (name: string, country: string, adminCode: string, population: number): GazetteerCity => ({
      name, country, adminCode, population, loc: { coordinates: [10, 20] },
    });
    // 100 large US places among 2,900 small ones, and one place in every partner country.
    const gazetteer = [
      ...Array.from({ length: 100 }, (_, i) => place(`Big ${i}`, "US", "OH", 1_000_000)),
      ...Array.from({ length: 2900 }, (_, i) => place(`Small ${i}`, "US", "OH", 1_000)),
      ...[...real.foreignPartnerCounts.keys()].map((code) => place(`Town ${code}`, code, "01", 5_000)),
    ];
    const network = generateSyntheticNetwork(2, { gazetteer });
    const members = network.communities.filter((c) => c.countryCode === "US");
    expect(members).toHaveLength(real.usPartnerCounts.length);
    expect(new Set(members.map((m) => m.name)).size).toBe(members.length);
    expect(members.filter((m) => m.name.startsWith("Big ")).length).toBeGreaterThanOrEqual(98);
    expect(members.every((m) => m.regionCode === "OH" && m.region === "Ohio" && m.latitude === 20 && m.longitude === 10)).toBe(true);
  });

  it("takes coordinates from the real gazetteer, and US states from its admin codes", () => {
    const gazetteer = loadGazetteer();
    const known = new Set(gazetteer.map((g) => `${g.country}|${g.name}|${g.loc.coordinates[1]}|${g.loc.coordinates[0]}`));
    const sample = three.communities.filter((_, i) => i % 97 === 0);
    expect(sample.filter((c) => !known.has(`${c.countryCode}|${c.name}|${c.latitude}|${c.longitude}`))).toEqual([]);
    expect(three.communities.filter((c) => c.countryCode === "US" && !US_STATES[c.regionCode ?? ""])).toEqual([]);
  });
});
