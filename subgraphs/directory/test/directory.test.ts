import type { RunningService } from "@scg/shared";
import { graphqlRequest, QueryCounter, testServiceEnv } from "@scg/shared/testing";
import { loadConfig, startSubgraph } from "@scg/directory";
import { readSisterCityPairs, resolveCommunities } from "@scg/shared/data";

let server: RunningService<QueryCounter>;
const anonymous = { asGateway: { identity: null } };
const ask = (query: string, variables?: Record<string, unknown>) => graphqlRequest(server.url, query, { ...anonymous, variables });

beforeAll(async () => {
  server = await startSubgraph(loadConfig(testServiceEnv({ DIRECTORY_PORT: "0" })), { queryLogger: new QueryCounter() });
});
afterAll(() => server?.stop());

describe("directory subgraph", () => {
  it("finds Seattle by slug, in the US, near 47.6, -122.3", async () => {
    const { data, errors } = await ask(`{ community(slug: "seattle-wa-us") { slug name kind regionCode region country { code name } location { latitude longitude } } }`);
    expect(errors).toBeUndefined();
    expect(data.community).toMatchObject({ slug: "seattle-wa-us", name: "Seattle", kind: "CITY", regionCode: "WA", region: "Washington", country: { code: "US", name: "United States" } });
    expect(data.community.location.latitude).toBeCloseTo(47.6, 1);
    expect(data.community.location.longitude).toBeCloseTo(-122.3, 1);
  });

  it("counts the distinct Japanese communities of the data", async () => {
    const expected = resolveCommunities(readSisterCityPairs()).communities.filter((c) => c.countryCode === "JP").length;
    const { data } = await ask(`{ communities(filter: { countryCode: "JP" }) { totalCount } }`);
    expect(expected).toBeGreaterThan(250);
    expect(data.communities.totalCount).toBe(expected);
  });

  it("pages through Washington state seven at a time, visiting each community once", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let guard = 0; guard < 100; guard++) {
      const { data, errors }: any = await ask(
        `query($after: String) { communities(filter: { countryCode: "US", regionCode: "WA" }, first: 7, after: $after) {
           totalCount pageInfo { hasNextPage endCursor } edges { cursor node { slug regionCode } } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      total = data.communities.totalCount;
      expect(data.communities.edges.length).toBeLessThanOrEqual(7);
      for (const edge of data.communities.edges) {
        expect(edge.node.regionCode).toBe("WA");
        seen.push(edge.node.slug);
      }
      if (!data.communities.pageInfo.hasNextPage) break;
      after = data.communities.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(7);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toContain("seattle-wa-us");
  });

  it("a search's totalCount is every match, on the first page (counted with it) and on the pages after", async () => {
    const all: string[] = [];
    let after: string | null = null;
    const totals: number[] = [];
    do {
      const { data, errors }: any = await ask(`query ($after: String) { communities(first: 40, after: $after, filter: { search: "san" }) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug } } } }`, { after });
      expect(errors).toBeUndefined();
      totals.push(data.communities.totalCount);
      all.push(...data.communities.edges.map((e: any) => e.node.slug));
      after = data.communities.pageInfo.hasNextPage ? data.communities.pageInfo.endCursor : null;
    } while (after);
    expect(all.length).toBeGreaterThan(40);
    expect(new Set(totals)).toEqual(new Set([all.length]));
    expect(new Set(all).size).toBe(all.length);
    const again = await ask(`{ communities(first: 5, filter: { search: "san" }) { totalCount } }`);
    expect(again.data.communities.totalCount).toBe(all.length);
    const none = await ask(`{ communities(first: 5, filter: { search: "zzqx" }) { totalCount edges { node { slug } } } }`);
    expect(none.data.communities).toEqual({ totalCount: 0, edges: [] });
  });

  it("searches case- and accent-insensitively, treating % and _ literally", async () => {
    const pecs = await ask(`{ communities(filter: { search: "PECS" }) { edges { node { slug name } } } }`);
    expect(pecs.data.communities.edges.map((e: any) => e.node.slug)).toContain("pecs-hu");
    const percent = await ask(`{ communities(filter: { search: "%" }) { totalCount } }`);
    expect(percent.data.communities.totalCount).toBe(0);
    const underscore = await ask(`{ communities(filter: { search: "_" }) { totalCount } }`);
    expect(underscore.data.communities.totalCount).toBe(0);
    const injection = await ask(`{ communities(filter: { search: "'; DROP TABLE directory.community; --" }) { totalCount } }`);
    expect(injection.errors).toBeUndefined();
    expect(injection.data.communities.totalCount).toBe(0);
    const still = await ask(`{ community(slug: "kobe-jp") { name } }`);
    expect(still.data.community.name).toBe("Kobe");
  });

  it("lists every country in the data, with regions", async () => {
    const pairs = readSisterCityPairs();
    const codes = new Set(["US", ...pairs.map((p) => p.partnerCountryCode)]);
    const { data } = await ask(`{ countries { code name region } }`);
    expect(new Set(data.countries.map((c: any) => c.code))).toEqual(codes);
    expect(data.countries.find((c: any) => c.code === "JP")).toEqual({ code: "JP", name: "Japan", region: "Asia" });
    const asia = await ask(`{ countries(region: "asia") { code } }`);
    expect(asia.data.countries.map((c: any) => c.code)).toContain("JP");
    expect(asia.data.countries.map((c: any) => c.code)).not.toContain("FR");
  });

  it.each([
    ["first above the maximum", `{ communities(first: 501) { totalCount } }`, "BAD_USER_INPUT", /at most|from 0 to 500/],
    ["a negative first", `{ communities(first: -1) { totalCount } }`, "BAD_USER_INPUT", /from 0 to 500/],
    ["a malformed cursor", `{ communities(after: "not-a-cursor!") { totalCount } }`, "BAD_USER_INPUT", /cursor/],
    ["a well-formed cursor from elsewhere", `{ communities(after: "${Buffer.from('{"a":1}').toString("base64url")}") { totalCount } }`, "BAD_USER_INPUT", /cursor/],
    ["an unknown country code", `{ communities(filter: { countryCode: "ZZ" }) { totalCount } }`, "BAD_USER_INPUT", /No country with code "ZZ"/],
    ["a malformed country code", `{ country(code: "Japan") { name } }`, "BAD_USER_INPUT", /not a country code/],
    ["an unknown US state", `{ communities(filter: { countryCode: "US", regionCode: "XX" }) { totalCount } }`, "BAD_USER_INPUT", /not a US state/],
    ["both id and slug", `{ community(id: "x", slug: "y") { name } }`, "BAD_USER_INPUT", /exactly one/],
  ])("refuses %s with a coded error and a sentence", async (_label, query, code, message) => {
    const response = await ask(query);
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0].extensions?.code).toBe(code);
    expect(response.errors?.[0].message).toMatch(message);
  });

  it("answers null for an unknown slug, id or country", async () => {
    const { data, errors } = await ask(`{ a: community(slug: "atlantis-zz") { id } b: community(id: "00000000-0000-4000-8000-000000000000") { id } c: country(code: "ZZ") { code } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null, c: null });
  });

  it("knows Sister Cities International, based in Washington, DC", async () => {
    const { data } = await ask(`{ community(slug: "washington-dc-us") { organizations { name activeAreas ageGroups } } }`);
    expect(data.community.organizations).toEqual([
      expect.objectContaining({ name: "Sister Cities International", activeAreas: expect.arrayContaining(["K12_EDUCATION", "VOLUNTEER_SERVICE"]) }),
    ]);
    expect(data.community.organizations[0].activeAreas).toHaveLength(8);
    expect(data.community.organizations[0].ageGroups).toHaveLength(6);
  });

  it("refuses a request that does not come through the gateway", async () => {
    const direct = await graphqlRequest(server.url, `{ community(slug: "seattle-wa-us") { id } }`);
    expect(direct.status).toBe(401);
    expect(direct.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const forged = await graphqlRequest(server.url, `{ community(slug: "seattle-wa-us") { id } }`, { asGateway: { identity: null, secret: "not-the-secret" } });
    expect(forged.status).toBe(401);
  });
});

describe("batching", () => {
  const queries = () => server.queries;

  it("resolves the countries of 50 communities with one SQL statement", async () => {
    queries().reset();
    const { data, errors } = await ask(`{ communities(first: 50, filter: { search: "a" }) { edges { node { slug country { code name } } } } }`);
    expect(errors).toBeUndefined();
    expect(data.communities.edges).toHaveLength(50);
    expect(new Set(data.communities.edges.map((e: any) => e.node.country.code)).size).toBeGreaterThan(5);
    expect(queries().matching(/FROM "directory"\."country"/)).toHaveLength(1);
    expect(queries().matching(/FROM "directory"\."community"/)).toHaveLength(1);
  });

  it("resolves 50 entity references per type with one statement each", async () => {
    const slugs = resolveCommunities(readSisterCityPairs()).communities.slice(0, 50);
    queries().reset();
    const { data, errors } = await ask(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Community { slug country { code } organizations { name } } } }`,
      { reps: slugs.map((c) => ({ __typename: "Community", id: c.id })) },
    );
    expect(errors).toBeUndefined();
    expect(data._entities.map((e: any) => e.slug)).toEqual(slugs.map((c) => c.slug));
    expect(queries().matching(/FROM "directory"\."community"/)).toHaveLength(1);
    expect(queries().matching(/FROM "directory"\."country"/)).toHaveLength(1);
    expect(queries().matching(/FROM "directory"\."organization"/)).toHaveLength(1);
  });
});
