import { organizationId, type RunningService } from "@scg/shared";
import { generateSamplePrograms, type SampleProgram } from "@scg/shared/data";
import { graphqlRequest, testServiceEnv, QueryCounter } from "@scg/shared/testing";
import { loadConfig, startSubgraph } from "../src/index.js";
import { statusOn } from "../src/entities/program-status.js";
import { SAMPLE_SEED } from "../src/seed/import-programs.js";
import { YOUTH_LEADERSHIP_SUMMIT_2025_ID } from "../src/seed/network-programs.js";

// These tests read only the seeded sample in countries the write tests never touch (they write in
// US–JP partnerships of their own), so exact counts hold however the files interleave.
let server: RunningService<QueryCounter>;
const sample = generateSamplePrograms(SAMPLE_SEED);
const ask = (query: string, variables?: Record<string, unknown>) => graphqlRequest(server.url, query, { asGateway: { identity: null }, variables });
const inCountry = (code: string) => sample.filter((p) => p.countryCodes.includes(code));
const has = <T>(values: readonly T[], wanted: readonly T[]) => values.some((v) => wanted.includes(v));

beforeAll(async () => {
  server = await startSubgraph(loadConfig(testServiceEnv({ PROGRAMS_PORT: "0" })), { queryLogger: new QueryCounter() });
});
afterAll(() => server?.stop());

describe("programs", () => {
  it("finds a sample program by id, whole", async () => {
    const expected = sample.find((p) => p.exchanges.length === 2)!;
    const { data, errors } = await ask(
      `query($id: ID!) { program(id: $id) { id title description areas ageGroups status startsOn endsOn provenance { kind }
         partnership { id } organizer { id }
         exchanges { id departsOn returnsOn participantCount ageGroups provenance { kind } fromCommunity { id } toCommunity { id } program { id } } } }`,
      { id: expected.id },
    );
    expect(errors).toBeUndefined();
    expect(data.program).toEqual({
      id: expected.id, title: expected.title, description: expected.description, areas: expected.areas, ageGroups: expected.ageGroups,
      status: statusOn(expected.startsOn, expected.endsOn), startsOn: expected.startsOn, endsOn: expected.endsOn, provenance: { kind: "SAMPLE" },
      partnership: { id: expected.partnershipId }, organizer: null,
      exchanges: expected.exchanges.map((e) => ({
        id: e.id, departsOn: e.departsOn, returnsOn: e.returnsOn, participantCount: e.participantCount, ageGroups: e.ageGroups, provenance: { kind: "SAMPLE" },
        fromCommunity: { id: e.fromCommunityId }, toCommunity: { id: e.toCommunityId }, program: { id: expected.id },
      })),
    });
  });

  it("filters by age group, and narrows by area as well (any-of within a list, all lists together)", async () => {
    const query = `query($filter: ProgramFilter) { programs(filter: $filter, first: 500) { totalCount edges { node { id areas ageGroups } } } }`;
    const teens = await ask(query, { filter: { ageGroups: ["TEENS"], countryCode: "MX" } });
    expect(teens.errors).toBeUndefined();
    const expectedTeens = inCountry("MX").filter((p) => p.ageGroups.includes("TEENS" as never));
    expect(expectedTeens.length).toBeGreaterThan(10);
    expect(teens.data.programs.totalCount).toBe(expectedTeens.length);
    expect(teens.data.programs.edges.map((e: any) => e.node.id).sort()).toEqual(expectedTeens.map((p) => p.id).sort());
    for (const { node } of teens.data.programs.edges) expect(node.ageGroups).toContain("TEENS");

    const k12 = await ask(query, { filter: { ageGroups: ["TEENS"], areas: ["K12_EDUCATION"], countryCode: "MX" } });
    const expectedK12 = expectedTeens.filter((p) => p.areas.includes("K12_EDUCATION" as never));
    expect(k12.data.programs.totalCount).toBe(expectedK12.length);
    expect(expectedK12.length).toBeLessThan(expectedTeens.length);
    for (const { node } of k12.data.programs.edges) expect(node.areas).toContain("K12_EDUCATION");

    const anyOf = await ask(query, { filter: { ageGroups: ["CHILDREN", "SENIORS"], countryCode: "MX" } });
    expect(anyOf.data.programs.totalCount).toBe(inCountry("MX").filter((p) => has(p.ageGroups, ["CHILDREN", "SENIORS"] as never[])).length);
  });

  it("filters by country and by status", async () => {
    const { data } = await ask(`{ de: programs(filter: { countryCode: "de" }) { totalCount }
      planned: programs(filter: { countryCode: "FR", status: [PLANNED] }) { totalCount edges { node { status startsOn } } }
      none: programs(filter: { countryCode: "ZZ" }) { totalCount } }`);
    expect(data.de.totalCount).toBe(inCountry("DE").length);
    expect(data.planned.totalCount).toBe(inCountry("FR").filter((p) => statusOn(p.startsOn, p.endsOn) === "PLANNED").length);
    for (const { node } of data.planned.edges) expect(node.status).toBe("PLANNED");
    expect(data.none.totalCount).toBe(0);
  });

  it("pages through a country 7 at a time by start date, visiting each program once", async () => {
    const expected = inCountry("IT");
    const seen: string[] = [];
    let after: string | null = null;
    let previous = "";
    for (let guard = 0; guard < 100; guard++) {
      const { data, errors }: any = await ask(
        `query($after: String) { programs(filter: { countryCode: "IT" }, first: 7, after: $after) {
           totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id startsOn } } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      expect(data.programs.pageInfo.hasPreviousPage).toBe(after !== null);
      for (const { node } of data.programs.edges) {
        expect(node.startsOn >= previous).toBe(true);
        previous = node.startsOn;
        seen.push(node.id);
      }
      if (!data.programs.pageInfo.hasNextPage) break;
      after = data.programs.pageInfo.endCursor;
    }
    expect(seen.length).toBe(expected.length);
    expect(new Set(seen)).toEqual(new Set(expected.map((p) => p.id)));
  });

  it.each([
    ["first above the maximum", `{ programs(first: 501) { totalCount } }`, /from 0 to 500/],
    ["a negative first", `{ programs(first: -1) { totalCount } }`, /from 0 to 500/],
    ["a malformed cursor", `{ programs(after: "not a cursor") { totalCount } }`, /cursor/],
    ["a cursor of another list", `{ programs(after: "${Buffer.from('["seattle-wa-us"]').toString("base64url")}") { totalCount } }`, /cursor/],
    ["a forged cursor", `{ programs(after: "${Buffer.from('["x","y"]').toString("base64url")}") { totalCount } }`, /cursor/],
    ["a malformed country code", `{ programs(filter: { countryCode: "Japan" }) { totalCount } }`, /"Japan" is not a country code/],
    ["a malformed organizer id", `{ networkPrograms(organizerId: "sci") { id } }`, /"sci" is not an organization id/],
  ])("refuses %s with BAD_USER_INPUT and a sentence", async (_label, query, message) => {
    const response = await ask(query);
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0].message).toMatch(message);
  });

  it("answers null for an unknown or malformed program id", async () => {
    const { data, errors } = await ask(`{ a: program(id: "00000000-0000-4000-8000-000000000000") { id } b: program(id: "nope") { id } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null });
  });

  it("knows Sister Cities International's real Youth Leadership Summits, hosted in Washington, DC in 2025", async () => {
    const sci = organizationId("sister-cities-international");
    const { data, errors } = await ask(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization { id programs { id } networkPrograms { id title startsOn endsOn ageGroups status provenance { kind url lastVerifiedOn } host { id } organizer { id } } } } }`,
      { reps: [{ __typename: "Organization", id: sci }] },
    );
    expect(errors).toBeUndefined();
    const summits = data._entities[0].networkPrograms;
    expect(summits.map((s: any) => s.title)).toContain("Youth Leadership Summit 2015");
    expect(summits.find((s: any) => s.id === YOUTH_LEADERSHIP_SUMMIT_2025_ID)).toMatchObject({
      title: "Youth Leadership Summit 2025", startsOn: "2025-06-15", endsOn: "2025-06-21", ageGroups: ["TEENS", "YOUNG_ADULTS"],
      status: "COMPLETED", organizer: { id: sci }, provenance: { kind: "REAL", url: expect.stringMatching(/^https:\/\//), lastVerifiedOn: "2026-11-27" },
    });
    for (const summit of summits) expect(summit.provenance.kind).toBe("REAL");
  });

  it("refuses a request that does not come through the gateway", async () => {
    const direct = await graphqlRequest(server.url, `{ programs { totalCount } }`);
    expect(direct.status).toBe(401);
    expect(direct.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("batching", () => {
  const partnershipIds = [...new Set(sample.map((p) => p.partnershipId))].slice(0, 120);
  const programsOf = (id: string) => sample.filter((p) => p.partnershipId === id);

  it("resolves Partnership.programs (and their exchanges) for 120 partnerships with one statement per table", async () => {
    server.queries.reset();
    const { data, errors } = await ask(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Partnership { id programs { id title exchanges { id } } } } }`,
      { reps: partnershipIds.map((id) => ({ __typename: "Partnership", id })) },
    );
    expect(errors).toBeUndefined();
    expect(data._entities).toHaveLength(partnershipIds.length);
    for (const entity of data._entities) {
      const expected = programsOf(entity.id).sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.id.localeCompare(b.id));
      expect(entity.programs.map((p: any) => p.id)).toEqual(expected.map((p) => p.id));
      expect(entity.programs.flatMap((p: any) => p.exchanges.map((e: any) => e.id)).sort()).toEqual(expected.flatMap((p) => p.exchanges.map((e) => e.id)).sort());
    }
    expect(server.queries.matching(/FROM "programs"\."program"/)).toHaveLength(1);
    expect(server.queries.matching(/FROM "programs"\."exchange"/)).toHaveLength(1);
  });

  it("filters Partnership.programs by status, one statement per distinct status list", async () => {
    server.queries.reset();
    const { data, errors } = await ask(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Partnership { id
         done: programs(status: [COMPLETED]) { id status } open: programs(status: [PLANNED, RUNNING]) { id status } } } }`,
      { reps: partnershipIds.map((id) => ({ __typename: "Partnership", id })) },
    );
    expect(errors).toBeUndefined();
    for (const entity of data._entities) {
      const expected = programsOf(entity.id);
      const status = (p: SampleProgram) => statusOn(p.startsOn, p.endsOn);
      expect(entity.done.map((p: any) => p.id).sort()).toEqual(expected.filter((p) => status(p) === "COMPLETED").map((p) => p.id).sort());
      expect(entity.open.map((p: any) => p.id).sort()).toEqual(expected.filter((p) => status(p) !== "COMPLETED").map((p) => p.id).sort());
    }
    expect(server.queries.matching(/FROM "programs"\."program"/)).toHaveLength(2);
  });

  it("resolves 100 Program and Exchange references, and a page of programs' exchanges, with one statement each", async () => {
    const programs = sample.slice(0, 100);
    const exchanges = programs.flatMap((p) => p.exchanges).slice(0, 100);
    server.queries.reset();
    const { data, errors } = await ask(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Program { id title } ... on Exchange { id participantCount program { id } } } }`,
      { reps: [...programs.map((p) => ({ __typename: "Program", id: p.id })), ...exchanges.map((e) => ({ __typename: "Exchange", id: e.id }))] },
    );
    expect(errors).toBeUndefined();
    expect(data._entities.map((e: any, i: number) => (e === null ? i : -1)).filter((i: number) => i >= 0)).toEqual([]);
    expect(data._entities.slice(0, 100).map((e: any) => e.title)).toEqual(programs.map((p) => p.title));
    expect(data._entities.slice(100).map((e: any) => e.program.id)).toEqual(exchanges.map((e) => e.programId));
    expect(server.queries.matching(/FROM "programs"\."program"/)).toHaveLength(1);
    expect(server.queries.matching(/FROM "programs"\."exchange"/)).toHaveLength(1);

    server.queries.reset();
    const page = await ask(`{ programs(first: 60, filter: { countryCode: "JP", status: [COMPLETED] }) { edges { node { id exchanges { id } } } } }`);
    expect(page.errors).toBeUndefined();
    expect(page.data.programs.edges).toHaveLength(60);
    expect(server.queries.matching(/FROM "programs"\."exchange"/)).toHaveLength(1);
  });
});
