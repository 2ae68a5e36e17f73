import { buildClientSchema, getIntrospectionQuery, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isSpecifiedScalarType, type GraphQLSchema } from "graphql";
import { communityId, foldText, Role } from "@scg/shared";
import { graphqlRequest } from "@scg/shared/testing";
import { execute, queryRows, startNetwork, type Network } from "@scg/scripts/testing";

/**
 * Other test files write to the same database while these run (proposals, events, programs:
 * all ENTERED), so a comparison of two counts reads imported and generated records only.
 */
const IMPORTED = ["REAL", "SAMPLE"];

/**
 * What analysts rely on (issue 13): every element of the public schema documented, facets that add
 * up to their lists, orders that read well and page without gaps, and a community's events upcoming
 * first. Over the development database (real records plus the generated sample).
 */
let network: Network;
let analyst: string;
beforeAll(async () => {
  network = await startNetwork({ gatewayEnv: { RATE_LIMIT_ENABLED: "false" } });
  analyst = `Bearer ${await network.tokenFor({ subject: "facet-analyst", roles: [Role.ANALYST], communityIds: [], organizationIds: [] })}`;
});
afterAll(() => network?.stop());

async function ask(query: string, variables: Record<string, unknown> = {}, authorization = analyst) {
  const response = await graphqlRequest(network.gatewayUrl, query, { variables, headers: { authorization } });
  expect(response.errors).toBeUndefined();
  return response.data;
}

type Bucket = { value: string; label: string; count: number };
const sum = (buckets: Bucket[]) => buckets.reduce((total, bucket) => total + bucket.count, 0);
const bucket = (buckets: Bucket[], value: string) => buckets.find((b) => b.value === value)?.count ?? 0;
const BUCKET = "{ value label count }";

/** Every element of the schema that lacks a description, as "Type.field(argument)". */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (description: string | null | undefined, name: string) => {
    if (!description?.trim()) missing.push(name);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    check(type.description, type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(field.description, `${type.name}.${field.name}`);
        for (const arg of field.args) check(arg.description, `${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(field.description, `${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(value.description, `${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe("docs", () => {
  it("every type, field, argument, input field and enum value of the public schema has a description", async () => {
    const schema = buildClientSchema(await ask(getIntrospectionQuery({ inputValueDeprecation: true })));
    expect(Object.keys(schema.getTypeMap()).length).toBeGreaterThan(60);
    expect(undocumented(schema)).toEqual([]);
    // The internal write the partnerships subgraph sends the directory is not part of it.
    expect(schema.getMutationType()!.getFields().recordPartnershipCounts).toBeUndefined();
    expect(schema.getType("PartnershipCountInput")).toBeUndefined();
  });

  it("the check finds an element without a description", () => {
    const schema = buildClientSchema({
      __schema: {
        queryType: { name: "Query" }, mutationType: null, subscriptionType: null, directives: [],
        types: [{ kind: "OBJECT", name: "Query", description: "Root.", interfaces: [], fields: [
          { name: "a", description: null, args: [], type: { kind: "SCALAR", name: "String", ofType: null }, isDeprecated: false, deprecationReason: null },
        ] }, { kind: "SCALAR", name: "String", description: null }],
      },
    } as never);
    expect(undocumented(schema)).toEqual(["Query.a"]);
  });
});

describe("facets add up to their lists", () => {
  it.each([
    ["everything", {}],
    ["Japan", { countryCode: "JP" }],
    ["Washington", { countryCode: "US", regionCode: "WA" }],
    ["active, in Germany", { status: ["ACTIVE"], countryCode: "DE" }],
  ])("partnerships: %s", async (_, where) => {
    const filter = { ...where, provenance: IMPORTED };
    const data = await ask(
      `query($filter: PartnershipFilter) {
        partnerships(filter: $filter, first: 0) { totalCount }
        partnershipFacets(filter: $filter) { total byPartnerCountry ${BUCKET} byUsState ${BUCKET} byWorldRegion ${BUCKET} byStatus ${BUCKET} byDecade ${BUCKET} byFocusArea ${BUCKET} }
      }`,
      { filter },
    );
    const facets = data.partnershipFacets;
    expect(facets.total).toBe(data.partnerships.totalCount);
    expect(facets.total).toBeGreaterThan(0);
    for (const name of ["byPartnerCountry", "byUsState", "byWorldRegion", "byStatus", "byDecade"]) {
      expect({ name, sum: sum(facets[name]) }).toEqual({ name, sum: facets.total });
    }
    // A partnership counts once per focus area it names (or once under "none").
    expect(sum(facets.byFocusArea)).toBeGreaterThanOrEqual(facets.total);
  });

  it("Japan: 321 partnerships, all in the JP bucket; Washington's bucket equals Washington's list", async () => {
    const data = await ask(`{
      japan: partnershipFacets(filter: { countryCode: "JP" }) { total byPartnerCountry ${BUCKET} byWorldRegion ${BUCKET} }
      japanList: partnerships(filter: { countryCode: "JP" }, first: 0) { totalCount }
      all: partnershipFacets(filter: { provenance: [REAL] }) { byUsState ${BUCKET} byPartnerCountry ${BUCKET} byDecade ${BUCKET} }
      washington: partnerships(filter: { countryCode: "US", regionCode: "WA", provenance: [REAL] }, first: 0) { totalCount }
    }`);
    expect(data.japan.total).toBe(321);
    expect(data.japanList.totalCount).toBe(321);
    expect(data.japan.byPartnerCountry).toEqual([{ value: "JP", label: "Japan", count: 321 }]);
    expect(data.japan.byWorldRegion).toEqual([{ value: "Asia", label: "Asia", count: 321 }]);
    expect(bucket(data.all.byUsState, "WA")).toBe(data.washington.totalCount);
    expect(data.all.byUsState.find((b: Bucket) => b.value === "WA").label).toBe("Washington");
    expect(bucket(data.all.byPartnerCountry, "JP")).toBe(321);
    // Largest first; decades read "1990s", years unknown under "none".
    const counts = data.all.byPartnerCountry.map((b: Bucket) => b.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(data.all.byDecade.map((b: Bucket) => b.value)).toContain("1990s");
    for (const decade of data.all.byDecade) expect(decade.value).toMatch(/^(\d{4}s|none)$/);
  });

  it.each([
    ["everything", {}],
    ["Japan", { countryCode: "JP" }],
    ["counties", { kind: "COUNTY" }],
    ["real only", { provenance: ["REAL"] }],
  ])("communities: %s", async (_, filter) => {
    const data = await ask(
      `query($filter: CommunityFilter) {
        communities(filter: $filter, first: 0) { totalCount }
        communityFacets(filter: $filter) { total byCountry ${BUCKET} byUsState ${BUCKET} byKind ${BUCKET} byWorldRegion ${BUCKET} }
      }`,
      { filter },
    );
    const facets = data.communityFacets;
    expect(facets.total).toBe(data.communities.totalCount);
    expect(facets.total).toBeGreaterThan(0);
    for (const name of ["byCountry", "byUsState", "byKind", "byWorldRegion"]) expect({ name, sum: sum(facets[name]) }).toEqual({ name, sum: facets.total });
  });

  it("communities: each country's bucket equals that country's list", async () => {
    const data = await ask(`{
      communityFacets { byCountry ${BUCKET} byKind ${BUCKET} }
      japan: communities(filter: { countryCode: "JP" }, first: 0) { totalCount }
      counties: communities(filter: { kind: COUNTY }, first: 0) { totalCount }
    }`);
    expect(bucket(data.communityFacets.byCountry, "JP")).toBe(data.japan.totalCount);
    expect(bucket(data.communityFacets.byKind, "COUNTY")).toBe(data.counties.totalCount);
    expect(data.communityFacets.byKind.find((b: Bucket) => b.value === "COUNTY").label).toBe("County");
  });

  it("programs: total is the list's; each area, age group, area × age group cell and country equals the list filtered by it", async () => {
    const data = await ask(`{
      programs(filter: { provenance: [SAMPLE] }, first: 0) { totalCount }
      programFacets(filter: { provenance: [SAMPLE] }) { total byArea ${BUCKET} byAgeGroup ${BUCKET} byCountry ${BUCKET} byAreaAndAgeGroup { area ageGroup count } }
      education: programs(filter: { areas: [EDUCATIONAL_EXCHANGES], provenance: [SAMPLE] }, first: 0) { totalCount }
      teens: programs(filter: { ageGroups: [TEENS], provenance: [SAMPLE] }, first: 0) { totalCount }
      educationTeens: programs(filter: { areas: [EDUCATIONAL_EXCHANGES], ageGroups: [TEENS], provenance: [SAMPLE] }, first: 0) { totalCount }
      japan: programs(filter: { countryCode: "JP", provenance: [SAMPLE] }, first: 0) { totalCount }
    }`);
    const facets = data.programFacets;
    expect(facets.total).toBe(data.programs.totalCount);
    expect(facets.total).toBeGreaterThan(0);
    expect(bucket(facets.byArea, "EDUCATIONAL_EXCHANGES")).toBe(data.education.totalCount);
    expect(bucket(facets.byAgeGroup, "TEENS")).toBe(data.teens.totalCount);
    expect(facets.byAreaAndAgeGroup.find((c: any) => c.area === "EDUCATIONAL_EXCHANGES" && c.ageGroup === "TEENS").count).toBe(data.educationTeens.totalCount);
    expect(bucket(facets.byCountry, "JP")).toBe(data.japan.totalCount);
    expect(facets.byCountry.map((b: Bucket) => b.value)).not.toContain("US");
    // Every program has at least one area and one age group, so no "none" and at least the total.
    expect(sum(facets.byArea)).toBeGreaterThanOrEqual(facets.total);
    expect(facets.byArea.map((b: Bucket) => b.value)).not.toContain("none");
  });

  it("events: kinds, months and host countries add up to the calendar's totalCount", async () => {
    const filter = { from: "2010-01-01T00:00:00Z", provenance: IMPORTED };
    const data = await ask(
      `query($filter: EventFilter) {
        events(filter: $filter, first: 0) { totalCount }
        eventFacets(filter: $filter) { total byKind ${BUCKET} byMonth ${BUCKET} byCountry ${BUCKET} }
        conferences: events(filter: { from: "2010-01-01T00:00:00Z", kinds: [ANNUAL_CONFERENCE], provenance: [REAL, SAMPLE] }, first: 0) { totalCount }
      }`,
      { filter },
    );
    const facets = data.eventFacets;
    expect(facets.total).toBe(data.events.totalCount);
    for (const name of ["byKind", "byMonth", "byCountry"]) expect({ name, sum: sum(facets[name]) }).toEqual({ name, sum: facets.total });
    expect(bucket(facets.byKind, "ANNUAL_CONFERENCE")).toBe(data.conferences.totalCount);
    // Months in calendar order, labelled for people; the 59th conference opened in Minneapolis in July 2015.
    const months = facets.byMonth.map((b: Bucket) => b.value);
    expect(months).toEqual([...months].sort());
    expect(facets.byMonth.find((b: Bucket) => b.value === "2015-07")).toMatchObject({ label: "July 2015" });
  });

  it("the partner's country and world region filter like their facets' buckets; an unknown region is refused", async () => {
    const data = await ask(`{
      all: partnershipFacets(filter: { provenance: [REAL] }) { byWorldRegion ${BUCKET} byPartnerCountry ${BUCKET} }
      asia: partnerships(filter: { worldRegion: "asia", provenance: [REAL] }, first: 0) { totalCount }
      japan: partnerships(filter: { partnerCountryCode: "jp", provenance: [REAL] }, first: 0) { totalCount }
      washingtonJapan: partnershipFacets(filter: { partnerCountryCode: "JP", countryCode: "US", regionCode: "WA", provenance: [REAL] }) { total byUsState ${BUCKET} }
    }`);
    expect(data.asia.totalCount).toBe(bucket(data.all.byWorldRegion, "Asia"));
    expect(data.japan.totalCount).toBe(321);
    expect(data.washingtonJapan.byUsState).toEqual([{ value: "WA", label: "Washington", count: data.washingtonJapan.total }]);
    expect(data.washingtonJapan.total).toBeGreaterThan(5);
    const refused = await graphqlRequest(network.gatewayUrl, `{ partnerships(filter: { worldRegion: "Atlantis" }) { totalCount } }`, { headers: { authorization: analyst } });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(refused.errors?.[0].message).toMatch(/not a world region; use one of Africa, Americas/);
  });

  it("a facet refuses what its list refuses", async () => {
    const response = await graphqlRequest(network.gatewayUrl, `{ partnershipFacets(filter: { countryCode: "Japan" }) { total } }`, { headers: { authorization: analyst } });
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(response.errors?.[0].message).toMatch(/not a country code/);
  });
});

describe("order", () => {
  it("Seattle's sister cities come A→Z", async () => {
    const data = await ask(`{ community(slug: "seattle-wa-us") { sisterCities { partner { name } } } }`);
    const names = data.community.sisterCities.map((s: any) => foldText(s.partner.name));
    expect(names).toHaveLength(16);
    expect(names).toEqual([...names].sort());
  });

  it("partnerships by year, newest first (years unknown last), page after page without gaps or repeats", async () => {
    const query = `query($after: String) {
      partnerships(filter: { countryCode: "JP" }, orderBy: { field: ESTABLISHED_YEAR, direction: DESC }, first: 100, after: $after) {
        totalCount edges { node { id establishedYear } } pageInfo { hasNextPage endCursor }
      }
    }`;
    const seen: { id: string; establishedYear: number | null }[] = [];
    let after: string | null = null;
    do {
      const { partnerships }: any = await ask(query, { after });
      seen.push(...partnerships.edges.map((e: any) => e.node));
      after = partnerships.pageInfo.hasNextPage ? partnerships.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(321);
    expect(new Set(seen.map((p) => p.id)).size).toBe(321);
    const years = seen.map((p) => p.establishedYear ?? -1);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(years[0]).toBeGreaterThan(1950);
  });

  it("partnerships by partner name by default, A→Z across pages", async () => {
    const query = `query($after: String) { partnerships(filter: { countryCode: "FR" }, first: 40, after: $after) {
      edges { node { communities { name country { code } } } } pageInfo { hasNextPage endCursor } } }`;
    const names: string[] = [];
    let after: string | null = null;
    do {
      const { partnerships }: any = await ask(query, { after });
      // The partner is the side abroad: side B when side A is in the US, side A when B is, and side B
      // between two communities abroad (a pair other tests may propose while this one pages).
      const partner = ([a, b]: any[]) => (a.country.code === "US" ? b : b.country.code === "US" ? a : b);
      names.push(...partnerships.edges.map((e: any) => foldText(partner(e.node.communities).name)));
      after = partnerships.pageInfo.hasNextPage ? partnerships.pageInfo.endCursor : null;
    } while (after);
    expect(names.length).toBeGreaterThan(40);
    expect(names).toEqual([...names].sort());
  });

  it("a cursor of one order is refused in another", async () => {
    const { partnerships } = await ask(`{ partnerships(first: 1) { pageInfo { endCursor } } }`);
    const response = await graphqlRequest(
      network.gatewayUrl,
      `query($after: String) { partnerships(orderBy: { field: ESTABLISHED_YEAR }, first: 1, after: $after) { totalCount } }`,
      { variables: { after: partnerships.pageInfo.endCursor }, headers: { authorization: analyst } },
    );
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(response.errors?.[0].message).toMatch(/another order/);
  });

  it("communities by name (default) and by partnership count, most first, as the partnerships subgraph counts them", async () => {
    const data = await ask(`{
      byName: communities(filter: { countryCode: "DE" }, first: 30) { nodes { name } }
      byCount: communities(orderBy: { field: PARTNERSHIP_COUNT, direction: DESC }, first: 10) { nodes { slug partnershipCount } }
    }`);
    const names = data.byName.nodes.map((c: any) => foldText(c.name));
    expect(names).toEqual([...names].sort());
    const counts = data.byCount.nodes.map((c: any) => c.partnershipCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBeGreaterThanOrEqual(22); // Chicago has 22
  });

  it("programs by title and events by start, newest first", async () => {
    const data = await ask(`{
      programs(orderBy: { field: TITLE }, first: 50) { nodes { title } }
      events(filter: { from: "2010-01-01T00:00:00Z" }, orderBy: { field: STARTS_AT, direction: DESC }, first: 50) { nodes { startsAt } }
    }`);
    const titles = data.programs.nodes.map((p: any) => p.title);
    expect(titles.length).toBe(50);
    expect(titles).toEqual([...titles].sort());
    const starts = data.events.nodes.map((e: any) => e.startsAt);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it("a proposal reaches the directory's count at once, through the cache", async () => {
    // Uruguay's two communities have one partnership each; a second one for Canelones puts it first.
    const byCount = `{ communities(filter: { countryCode: "UY" }, orderBy: { field: PARTNERSHIP_COUNT, direction: DESC }) { nodes { slug partnershipCount } } }`;
    const before = await ask(byCount);
    expect(before.communities.nodes.map((c: any) => c.partnershipCount)).toEqual([1, 1]);
    const staff = `Bearer ${await network.tokenFor({ subject: "staff", roles: [Role.STAFF], communityIds: [], organizationIds: [] })}`;
    const proposed = await ask(
      `mutation($input: ProposePartnershipInput!) { proposePartnership(input: $input) { id } }`,
      { input: { communityIds: [communityId("nome-ak-us"), communityId("canelones-uy")] } },
      staff,
    );
    try {
      const after = await ask(byCount);
      expect(after.communities.nodes).toEqual([
        { slug: "canelones-uy", partnershipCount: 2 },
        { slug: "montevideo-uy", partnershipCount: 1 },
      ]);
      const [nome] = await queryRows<{ partnership_count: number }>(`SELECT partnership_count FROM directory.community WHERE slug = 'nome-ak-us'`);
      expect(nome.partnership_count).toBe(2);
    } finally {
      await execute(`DELETE FROM partnerships.partnership WHERE id = $1`, [proposed.proposePartnership.id]);
      await execute(`UPDATE directory.community SET partnership_count = 1 WHERE slug IN ('nome-ak-us', 'canelones-uy')`);
    }
  });
});

describe("a community's events", () => {
  it("Minneapolis: events(first: 5) are upcoming, soonest first; events(when: PAST) has the 59th Annual Conference, newest first", async () => {
    const now = new Date().toISOString();
    const data = await ask(`{ community(slug: "minneapolis-mn-us") {
      upcoming: events(first: 5) { title startsAt endsAt }
      past: events(when: PAST, first: 50) { title startsAt endsAt }
      all: events(when: ALL, first: 500) { startsAt }
    } }`);
    const { upcoming, past, all } = data.community;
    for (const event of upcoming) expect(event.endsAt >= now).toBe(true);
    expect(upcoming.map((e: any) => e.startsAt)).toEqual(upcoming.map((e: any) => e.startsAt).sort());
    expect(past.map((e: any) => e.title)).toContain("59th Annual Conference and Youth Leadership Summit");
    for (const event of past) expect(event.endsAt < now).toBe(true);
    expect(past.map((e: any) => e.startsAt)).toEqual(past.map((e: any) => e.startsAt).sort().reverse());
    expect(all.length).toBeGreaterThanOrEqual(past.length + upcoming.length);
  });
});
