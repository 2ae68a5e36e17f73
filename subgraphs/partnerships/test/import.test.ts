import { createLogger, partnershipId } from "@scg/shared";
import { DataFileError, readSisterCityPairs, resolveCommunities, type SisterCityPair } from "@scg/shared/data";
import { prepareDatabase } from "../src/index.js";
import { buildImportedPartnerships } from "../src/seed/import-partnerships.js";
import { describeSources } from "@scg/shared/data";

const pair = (overrides: Partial<SisterCityPair>): SisterCityPair => ({
  line: 2, usCity: "Seattle", usState: "WA", usKind: "city", partnerCity: "Kobe", partnerRegion: null, partnerCountry: "Japan",
  partnerCountryCode: "JP", sinceYear: null, source: "enwiki-list:Japan", ...overrides,
});

describe("partnerships import", () => {
  it("turns every real pair into one partnership, US side first, with each side's country and state", () => {
    const pairs = readSisterCityPairs();
    const partnerships = buildImportedPartnerships(pairs);
    // 2,561 rows, one pair named twice: Washington DC–Beijing (the China page writes "Washington D.C."; see aliases.csv).
    expect(partnerships).toHaveLength(2560);
    const { communities } = resolveCommunities(pairs);
    const seattle = communities.find((c) => c.slug === "seattle-wa-us")!;
    const kobe = partnerships.find((p) => p.id === partnershipId("seattle-wa-us", "kobe-jp"))!;
    expect(kobe).toMatchObject({ aId: seattle.id, aCountry: "US", aRegion: "WA", bCountry: "JP", bRegion: null });
    expect(new Set(partnerships.map((p) => p.bCountry)).size).toBe(130);
  });

  it("merges rows that name the same pair: sources joined, earliest year kept", () => {
    const [merged] = buildImportedPartnerships([
      pair({ line: 2, sinceYear: 1990, source: "enwiki-list:Japan" }),
      pair({ line: 9, sinceYear: 1957, source: "enwiki-list:United States;fact:City of Seattle; sister cities page" }),
    ]);
    expect(merged).toMatchObject({ id: partnershipId("seattle-wa-us", "kobe-jp"), establishedYear: 1957, lines: [2, 9] });
    expect(merged.provenance).toEqual({
      kind: "REAL",
      source: 'English Wikipedia, "List of twin towns and sister cities in Japan"; English Wikipedia, "List of sister cities in the United States"; City of Seattle; sister cities page',
      url: "https://en.wikipedia.org/wiki/List_of_twin_towns_and_sister_cities_in_Japan",
      licence: "CC BY-SA 4.0",
      retrievedOn: "2026-02-08",
      // A cited fact was checked against its page when the facts were collected.
      lastVerifiedOn: "2026-11-27",
      enteredBy: null,
      enteredAt: null,
    });
  });

  it("rejects a bad row with its line number and imports nothing", () => {
    const build = () => buildImportedPartnerships([pair({ line: 2 }), pair({ line: 7, partnerCity: "Springfield", partnerCountry: "United States", partnerCountryCode: "US" })]);
    expect(build).toThrow(DataFileError);
    expect(build).toThrow(/line 7: both communities are in US/);
  });

  it("names its sources readably", () => {
    expect(describeSources(["enwiki-list:England;enwiki-list:United States"])).toBe(
      'English Wikipedia, "List of twin towns and sister cities in England"; English Wikipedia, "List of sister cities in the United States"',
    );
  });

  it("is idempotent: importing again adds nothing", async () => {
    const report = await prepareDatabase(process.env.TEST_DATABASE_URL!, { seed: true, sample: true }, createLogger("test", "silent"));
    expect(report).toEqual({ rows: 2561, partnerships: 2560, merged: 1, inserted: 0 });
  });
});
