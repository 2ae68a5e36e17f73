import { readFileSync } from "node:fs";
import { join } from "node:path";
import { graphqlRequest } from "@scg/shared/testing";
import { startNetwork, type Network } from "@scg/scripts/testing";

const operation = (name: string) => readFileSync(join(__dirname, "..", "operations", `${name}.graphql`), "utf8");

let network: Network;
beforeAll(async () => {
  network = await startNetwork({ gatewayEnv: { RATE_LIMIT_ENABLED: "false" } });
});
afterAll(() => network?.stop());

/** Runs an operation (a contract operation's name, or a document) through the gateway and returns how many SQL statements each subgraph sent. */
async function statementsFor(name: string, variables: Record<string, unknown>): Promise<Record<string, number>> {
  for (const subgraph of Object.values(network.subgraphs)) subgraph.queries!.reset();
  const { errors } = await graphqlRequest(network.gatewayUrl, name.includes("{") ? name : operation(name), { variables });
  expect(errors).toBeUndefined();
  return Object.fromEntries(Object.entries(network.subgraphs).map(([subgraphName, s]) => [subgraphName, s.queries!.statements.length]));
}

/**
 * The statement count of every contract operation, per subgraph, must not grow with the result:
 * a city with 16 partners costs what one with 22 costs, a page of 100 what a page of 10 costs.
 */
describe("SQL statements per subgraph do not grow with the result", () => {
  it("CommunityProfile: Seattle (16 partners) and Chicago (22)", async () => {
    const seattle = await statementsFor("CommunityProfile", { slug: "seattle-wa-us" });
    const chicago = await statementsFor("CommunityProfile", { slug: "chicago-il-us" });
    expect(chicago).toEqual(seattle);
    // One statement per entity type per level: a handful per subgraph, whatever the partner count.
    for (const count of Object.values(seattle)) expect(count).toBeLessThanOrEqual(6);
  });

  it.each([
    ["DirectorySearch", (first: number) => ({ filter: { countryCode: "US" }, first })],
    ["CountryPartnerships", (first: number) => ({ code: "JP", first })],
    ["PartnershipMap", (first: number) => ({ first })],
    ["UpcomingEvents", (first: number) => ({ filter: { from: "2010-01-01T00:00:00Z" }, first })],
    ["YouthPrograms", (first: number) => ({ filter: { ageGroups: ["TEENS"] }, first })],
  ])("%s: a page of 10 and a page of 100", async (name, variables) => {
    const small = await statementsFor(name, variables(10));
    const large = await statementsFor(name, variables(100));
    expect(large).toEqual(small);
  });
});

describe("facets: one statement, however many facets are asked", () => {
  const bucket = "{ value label count }";
  it.each([
    ["partnerships", `query($filter: PartnershipFilter) { partnershipFacets(filter: $filter) { total byPartnerCountry ${bucket} byUsState ${bucket} byWorldRegion ${bucket} byStatus ${bucket} byDecade ${bucket} byFocusArea ${bucket} } }`, { countryCode: "JP" }],
    ["directory", `query($filter: CommunityFilter) { communityFacets(filter: $filter) { total byCountry ${bucket} byUsState ${bucket} byKind ${bucket} byWorldRegion ${bucket} } }`, { kind: "CITY" }],
    ["programs", `query($filter: ProgramFilter) { programFacets(filter: $filter) { total byArea ${bucket} byAgeGroup ${bucket} byCountry ${bucket} byAreaAndAgeGroup { area ageGroup count } } }`, { ageGroups: ["TEENS"] }],
    ["events", `query($filter: EventFilter) { eventFacets(filter: $filter) { total byKind ${bucket} byMonth ${bucket} byCountry ${bucket} } }`, { from: "2010-01-01T00:00:00Z" }],
  ])("%s", async (subgraph, document, filter) => {
    const all = await statementsFor(document, { filter });
    expect(all).toEqual({ directory: 0, partnerships: 0, programs: 0, events: 0, [subgraph]: 1 });
    // Asking for nothing but __typename runs nothing.
    const typenameOnly = document.replace(/\{ total[^]*\} \}$/, "{ __typename } }");
    expect(typenameOnly).toMatch(/Facets\(filter: \$filter\) \{ __typename \} \}$/);
    const none = await statementsFor(typenameOnly, { filter });
    expect(none[subgraph]).toBe(0);
  });
});
