import { communityProfileVariables, countryPartnershipsVariables, directorySearchVariables, MIXED_WEIGHTS, rotatingWorkloads, type PageWalker } from "./rotations";
import type { TrafficData } from "./traffic-data";

const data: TrafficData = {
  usCommunities: [
    { slug: "honolulu-hi-us", partnerships: 34 },
    { slug: "kilkenny-mn-us", partnerships: 1 },
  ],
  partnerCountries: [
    { code: "JP", partnerships: 300 },
    { code: "IE", partnerships: 10 },
  ],
  namedCommunities: [
    { searchText: "san antonio", countryCode: "US", partnerships: 10 },
    { searchText: "san jose", countryCode: "CR", partnerships: 2 },
    { searchText: "m'bour", countryCode: "SN", partnerships: 1 },
    { searchText: "ai", countryCode: "JP", partnerships: 1 },
  ],
  eventCountries: [{ code: "US", events: 3 }],
  programFilters: [{ ageGroup: "TEENS", area: "K12_EDUCATION", programs: 4 }],
  eventsFrom: "2026-11-30T00:00:00.000Z",
};

/** JP has three pages, every other list one. */
const walker: PageWalker = async (operation, variables, pages) => {
  if (operation === "CountryPartnerships" && variables.code === "JP") return [null, "c1", "c2"].slice(0, pages);
  if (operation === "PartnershipMap") return [null, "m1"];
  return [null];
};

describe("rotations", () => {
  it("weights community pages by their partnerships", () => {
    expect(communityProfileVariables(data)).toEqual([
      { value: { slug: "honolulu-hi-us" }, weight: 34 },
      { value: { slug: "kilkenny-mn-us" }, weight: 1 },
    ]);
  });

  it("searches 3- to 5-letter name prefixes, merged, with and without the country, skipping names too short", () => {
    const searches = directorySearchVariables(data);
    const weightOf = (filter: object) => searches.find((s) => JSON.stringify(s.value.filter) === JSON.stringify(filter))?.weight;
    // "san" comes from San Antonio (10) and San Jose (2), half of each with no country: (10 + 2) × 0.5 × 0.5.
    expect(weightOf({ search: "san" })).toBeCloseTo(3);
    expect(weightOf({ countryCode: "US", search: "san" })).toBeCloseTo(2.5);
    expect(weightOf({ search: "san a" })).toBeCloseTo(10 * 0.2 * 0.5);
    expect(weightOf({ search: "m'bou" })).toBeCloseTo(0.1);
    expect(searches.some((s) => JSON.stringify(s.value).includes('"ai"'))).toBe(false);
    expect(searches[0].value).toEqual({ filter: { search: "san" }, first: 20 });
  });

  it("spreads a country's weight over the pages that exist, each next page less likely", async () => {
    const pages = await countryPartnershipsVariables(data, walker);
    const jp = pages.filter((p) => p.value.code === "JP");
    expect(jp.map((p) => p.value.after ?? null)).toEqual([null, "c1", "c2"]);
    expect(jp.reduce((sum, p) => sum + p.weight, 0)).toBeCloseTo(300);
    expect(jp[1].weight / jp[0].weight).toBeCloseTo(0.35);
    expect(pages.find((p) => p.value.code === "IE")).toEqual({ value: { code: "IE", first: 20 }, weight: 10 });
  });

  it("mixes the read operations in MIXED_WEIGHTS' shares, never two identical requests in flight", async () => {
    const workloads = await rotatingWorkloads(data, walker);
    expect(workloads.map((w) => [w.name, w.kind, w.distinctInFlight])).toEqual([
      ["CommunityProfile · rotating", "rotating", true],
      ["CountryPartnerships · rotating", "rotating", true],
      ["DirectorySearch · rotating", "rotating", true],
      ["Mixed reads · rotating", "mixed", true],
    ]);
    const mixed = workloads[3].sampler;
    const shares: Record<string, number> = {};
    mixed.entries.forEach((entry, i) => (shares[entry.value.operation] = (shares[entry.value.operation] ?? 0) + mixed.share(i)));
    for (const [operation, weight] of Object.entries(MIXED_WEIGHTS)) expect(shares[operation]).toBeCloseTo(weight / 100);
    const body = JSON.parse(mixed.entries[0].value.body.toString());
    expect(body.operationName).toBe("CommunityProfile");
    expect(body.query).toMatch(/^query CommunityProfile\(\$slug: String!\)/);
  });
});
