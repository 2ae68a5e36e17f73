import { readSisterCityPairs, type SisterCityPair } from "./sister-city-pairs";
import { resolveCommunities } from "./sister-city-communities";
import { auditSisterCityData, readAuditBaseline, summarizeAudit } from "./data-audit";
import { readCommunityAliases } from "./community-aliases";

const pairs = readSisterCityPairs();

describe("the data audit", () => {
  const report = auditSisterCityData(pairs);

  it("finds nothing new in the data as the importers read it", () => {
    const summary = summarizeAudit(report, readAuditBaseline());
    expect(summary.flatMap((s) => s.fresh)).toEqual([]);
    expect(Object.fromEntries(summary.map((s) => [s.check, s.found]))).toEqual({
      "same-slug": 1, "near-duplicate": 0, "duplicate-pair": 1, "coordinates-elsewhere": 4, "no-coordinates": 385,
    });
    expect(report).toMatchObject({ communities: 3069, partnerships: 2560, withCoordinates: 2684 });
  });

  it("without the alias table, finds Münster/Munster merged and Washington split (what the aliases fix)", () => {
    const before = auditSisterCityData(pairs, []);
    const fresh = summarizeAudit(before, {}).flatMap((s) => s.fresh.map((f) => f.key));
    expect(fresh).toEqual(expect.arrayContaining(["same-slug:munster-de", "near-duplicate:washington-d-c-dc-us+washington-dc-us"]));
    expect(before).toMatchObject({ partnerships: 2561, withCoordinates: 2682 });
  });

  it("fails on a new finding: a second spelling of a US city", () => {
    const extra: SisterCityPair = { ...pairs.find((p) => p.usCity === "Seattle")!, line: 9999, usCity: "Seattle City", partnerCity: "Nowhere", partnerCountryCode: "FR", partnerCountry: "France" };
    const summary = summarizeAudit(auditSisterCityData([...pairs, extra]), readAuditBaseline());
    expect(summary.find((s) => s.check === "near-duplicate")!.fresh.map((f) => f.key)).toEqual(["near-duplicate:seattle-city-wa-us+seattle-wa-us"]);
  });
});

describe("real towns are neither merged nor split", () => {
  const { communities, sides } = resolveCommunities(pairs, readCommunityAliases());
  const partnersOf = (usSlug: string) => sides.filter((s) => s.usSlug === usSlug).map((s) => s.partnerSlug);

  it("Fresno's Münster (North Rhine-Westphalia) and Radcliff's Munster (Lower Saxony) are two towns", () => {
    expect(partnersOf("fresno-ca-us")).toContain("munster-north-rhine-westphalia-de");
    expect(partnersOf("radcliff-ky-us")).toEqual(["munster-lower-saxony-de"]);
    const [nrw, lowerSaxony] = ["munster-north-rhine-westphalia-de", "munster-lower-saxony-de"].map((slug) => communities.find((c) => c.slug === slug)!);
    expect([nrw.name, nrw.region, lowerSaxony.name, lowerSaxony.region]).toEqual(["Münster", "North Rhine-Westphalia", "Munster", "Lower Saxony"]);
    expect(communities.some((c) => c.slug === "munster-de")).toBe(false);
  });

  it("Washington, D.C. is one community with one Beijing partnership", () => {
    const dc = communities.filter((c) => c.regionCode === "DC");
    expect(dc.map((c) => c.slug)).toEqual(["washington-dc-us"]);
    expect(dc[0].rawNames.sort()).toEqual(["Washington", "Washington D.C."]);
    expect(partnersOf("washington-dc-us").filter((slug) => slug === "beijing-cn")).toHaveLength(2); // two rows…
    expect(new Set(partnersOf("washington-dc-us")).size).toBe(11); // …one partnership each (the import merges rows of one pair)
  });
});
