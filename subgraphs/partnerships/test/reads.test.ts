import { communityId, partnershipId, type RunningService } from "@scg/shared";
import { readSisterCityPairs, resolveCommunities } from "@scg/shared/data";
import { graphqlRequest, testServiceEnv, QueryCounter } from "@scg/shared/testing";
import { loadConfig, startSubgraph } from "../src/index.js";

// Reads only seeded data that no test changes: the write tests never touch Japan, Seattle or Chicago.
let server: RunningService<QueryCounter>;
// The embedded test database is behind shared/db/serializing-proxy.ts already; real Postgres needs nothing.
const database = { url: process.env.TEST_DATABASE_URL! };
const ask = (query: string, variables?: Record<string, unknown>) => graphqlRequest(server.url, query, { asGateway: { identity: null }, variables });
const { communities, sides } = resolveCommunities(readSisterCityPairs());

const SISTER_CITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Community {
  id partnershipCount sisterCities { partner { id } partnership { id status source establishedYear communities { id } } } } } }`;
const communityReps = (slugs: string[]) => slugs.map((slug) => ({ __typename: "Community", id: communityId(slug) }));

beforeAll(async () => {
  server = await startSubgraph(loadConfig(testServiceEnv({ PARTNERSHIPS_PORT: "0", DATABASE_URL: database.url })), { queryLogger: new QueryCounter() });
});
afterAll(async () => {
  await server?.stop();
});

describe("sister cities", () => {
  it("lists Seattle's 16 sister cities, Kobe among them, ACTIVE, with a source", async () => {
    const { data, errors } = await ask(SISTER_CITIES, { reps: communityReps(["seattle-wa-us"]) });
    expect(errors).toBeUndefined();
    const [seattle] = data._entities;
    expect(seattle.partnershipCount).toBe(16);
    expect(seattle.sisterCities).toHaveLength(16);
    const kobe = seattle.sisterCities.find((link: any) => link.partner.id === communityId("kobe-jp"));
    expect(kobe).toEqual({
      partner: { id: communityId("kobe-jp") },
      partnership: {
        id: partnershipId("seattle-wa-us", "kobe-jp"),
        status: "ACTIVE",
        source: expect.stringMatching(/English Wikipedia, "List of (twin towns and )?sister cities in /),
        establishedYear: null,
        communities: [{ id: communityId("seattle-wa-us") }, { id: communityId("kobe-jp") }],
      },
    });
    // The partner is always the other side, never Seattle itself.
    expect(seattle.sisterCities.every((link: any) => link.partner.id !== communityId("seattle-wa-us"))).toBe(true);
  });

  it("lists Chicago's 22, and Kobe's partners from the other side", async () => {
    const { data } = await ask(SISTER_CITIES, { reps: communityReps(["chicago-il-us", "kobe-jp"]) });
    expect(data._entities[0].partnershipCount).toBe(22);
    expect(data._entities[0].sisterCities).toHaveLength(22);
    const kobePartners = data._entities[1].sisterCities.map((link: any) => link.partner.id);
    expect(kobePartners).toContain(communityId("seattle-wa-us"));
    expect(data._entities[1].partnershipCount).toBe(kobePartners.length);
  });

  it("filters sister cities by status", async () => {
    const { data } = await ask(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Community { a: sisterCities(status: [ACTIVE]) { partner { id } } t: sisterCities(status: [TERMINATED, PROPOSED]) { partner { id } } } } }`,
      { reps: communityReps(["seattle-wa-us"]) },
    );
    expect(data._entities[0].a).toHaveLength(16);
    expect(data._entities[0].t).toEqual([]);
  });

  it("names the sources of a pair that both Wikipedia lists carry", async () => {
    const index = readSisterCityPairs().findIndex((p) => p.source.includes(";enwiki-list:United States"));
    const { usSlug, partnerSlug } = sides[index];
    const { data } = await ask(`query($id: ID!) { partnership(id: $id) { source } }`, { id: partnershipId(usSlug, partnerSlug) });
    expect(data.partnership.source).toMatch(/^English Wikipedia, "List of twin towns and sister cities in .+"; English Wikipedia, "List of sister cities in the United States"$/);
  });

  it("keeps the years the data has", async () => {
    const pair = readSisterCityPairs().findIndex((p) => p.sinceYear !== null);
    const { usSlug, partnerSlug } = sides[pair];
    const { data } = await ask(`query($id: ID!) { partnership(id: $id) { establishedYear statusHistory { from to changedBy reason } } }`, {
      id: partnershipId(usSlug, partnerSlug),
    });
    expect(data.partnership.establishedYear).toBe(readSisterCityPairs()[pair].sinceYear);
    expect(data.partnership.statusHistory).toEqual([{ from: null, to: "ACTIVE", changedBy: "import", reason: expect.stringContaining("Imported") }]);
  });
});

describe("countries and filters", () => {
  it("gives Japan 321 partnerships, the same as the filtered list's totalCount", async () => {
    const { data, errors } = await ask(
      `{ _entities(representations: [{ __typename: "Country", code: "JP" }]) { ... on Country { code partnershipCount partnerships(first: 5) { totalCount edges { node { id } } pageInfo { hasNextPage } } } }
         partnerships(filter: { countryCode: "jp" }) { totalCount } }`,
    );
    expect(errors).toBeUndefined();
    expect(data._entities[0].partnershipCount).toBe(321);
    expect(data._entities[0].partnerships.totalCount).toBe(321);
    expect(data._entities[0].partnerships.edges).toHaveLength(5);
    expect(data._entities[0].partnerships.pageInfo.hasNextPage).toBe(true);
    expect(data.partnerships.totalCount).toBe(321);
  });

  it("pages through Japan's partnerships 100 at a time, each once", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const { data, errors }: any = await ask(
        `query($after: String) { _entities(representations: [{ __typename: "Country", code: "JP" }]) { ... on Country {
           partnerships(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      const connection = data._entities[0].partnerships;
      seen.push(...connection.edges.map((e: any) => e.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(321);
    expect(new Set(seen).size).toBe(321);
  });

  it("filters by US state and country together, and by status", async () => {
    const expected = sides.filter((s) => communities.find((c) => c.slug === s.usSlug)!.regionCode === "WA").length;
    const { data, errors } = await ask(`{
      wa: partnerships(filter: { countryCode: "US", regionCode: "wa" }) { totalCount edges { node { communities { id } } } }
      waActive: partnerships(filter: { regionCode: "WA", status: [ACTIVE] }, first: 500) { totalCount }
      proposedJp: partnerships(filter: { countryCode: "JP", status: [PROPOSED] }) { totalCount }
    }`);
    expect(errors).toBeUndefined();
    expect(data.wa.totalCount).toBe(expected);
    expect(data.waActive.totalCount).toBe(expected);
    expect(data.proposedJp.totalCount).toBe(0);
  });

  it.each([
    ["first above the maximum", `{ partnerships(first: 501) { totalCount } }`, /from 0 to 500/],
    ["a negative first", `{ partnerships(first: -3) { totalCount } }`, /from 0 to 500/],
    ["a malformed cursor", `{ partnerships(after: "nope!") { totalCount } }`, /cursor/],
    ["a cursor that is not a partnership's", `{ partnerships(after: "${Buffer.from('["x"]').toString("base64url")}") { totalCount } }`, /cursor/],
    ["a malformed country code", `{ partnerships(filter: { countryCode: "Japan" }) { totalCount } }`, /"Japan" is not a country code/],
    ["an unknown US state", `{ partnerships(filter: { countryCode: "US", regionCode: "XX" }) { totalCount } }`, /"XX" is not a US state code/],
  ])("refuses %s with BAD_USER_INPUT and a sentence", async (_label, query, message) => {
    const response = await ask(query);
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0].message).toMatch(message);
  });

  it("answers null for an unknown or malformed partnership id", async () => {
    const { data, errors } = await ask(`{ a: partnership(id: "00000000-0000-4000-8000-000000000000") { id } b: partnership(id: "kobe") { id } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null });
  });
});

describe("batching", () => {
  const statements = () => server.queries.matching(/FROM "partnerships"\."partnership"/);

  it("resolves sisterCities for 20 communities with one SQL statement", async () => {
    const slugs = [...new Set(sides.map((s) => s.usSlug))].slice(0, 20);
    server.queries.reset();
    const { data, errors } = await ask(SISTER_CITIES.replace("partnershipCount ", ""), { reps: communityReps(slugs) });
    expect(errors).toBeUndefined();
    expect(data._entities).toHaveLength(20);
    expect(data._entities.every((c: any) => c.sisterCities.length > 0)).toBe(true);
    expect(statements()).toHaveLength(1);
  });

  it("counts partnerships for 50 communities with one SQL statement", async () => {
    const slugs = communities.slice(0, 50).map((c) => c.slug);
    server.queries.reset();
    const { data, errors } = await ask(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Community { partnershipCount } } }`,
      { reps: communityReps(slugs) },
    );
    expect(errors).toBeUndefined();
    expect(data._entities.every((c: any) => c.partnershipCount > 0)).toBe(true);
    expect(statements()).toHaveLength(1);
  });

  it.each([
    ["Seattle", "seattle-wa-us", 16],
    ["Chicago", "chicago-il-us", 22],
  ])("takes the same statements for %s (%s, %i partners) as for any community", async (_name, slug, partners) => {
    server.queries.reset();
    const { data } = await ask(SISTER_CITIES, { reps: communityReps([slug]) });
    expect(data._entities[0].sisterCities).toHaveLength(partners);
    // One statement for the sister cities (with their partnerships), one for the count.
    expect(statements()).toHaveLength(2);
    expect(server.queries.statements).toHaveLength(2);
  });

  it("resolves the partnership counts and first pages of several countries with one statement each", async () => {
    server.queries.reset();
    const { data, errors } = await ask(`{ _entities(representations: [
        { __typename: "Country", code: "JP" }, { __typename: "Country", code: "MX" }, { __typename: "Country", code: "DE" }]) {
      ... on Country { code partnershipCount partnerships(first: 3) { totalCount edges { node { id communities { id } } } } } } }`);
    expect(errors).toBeUndefined();
    expect(data._entities.map((c: any) => c.partnerships.edges.length)).toEqual([3, 3, 3]);
    expect(data._entities[0].partnershipCount).toBe(321);
    expect(statements()).toHaveLength(2); // one for the three counts, one for the three pages
  });

  it("resolves 50 partnership references with one statement", async () => {
    const ids = sides.slice(0, 50).map((s) => partnershipId(s.usSlug, s.partnerSlug));
    server.queries.reset();
    const { data, errors } = await ask(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Partnership { id status signatures { signedOn } } } }`,
      { reps: ids.map((id) => ({ __typename: "Partnership", id })) },
    );
    expect(errors).toBeUndefined();
    expect(data._entities.map((p: any) => p.id)).toEqual(ids);
    expect(statements()).toHaveLength(1);
    expect(server.queries.matching(/FROM "partnerships"\."signature"/)).toHaveLength(1);
  });
});
