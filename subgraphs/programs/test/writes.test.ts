import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig as directoryConfig, startSubgraph as startDirectory } from "@scg/directory";
import { communityId, DEVELOPMENT_INTERNAL_SECRET, INTERNAL_CREDENTIAL_HEADER, organizationId, stableId, verifyInternalCredential, type Identity } from "@scg/shared";
import { graphqlRequest, testServiceEnv } from "@scg/shared/testing";
import type { DataSource } from "typeorm";
import { createProgramsDataSource, loadConfig, startSubgraph } from "../src/index.js";

// The partnerships subgraph is another team's service: a tiny fake HTTP endpoint stands in for it
// (answering the one `_entities` question createProgram asks). The directory is the real one.
const SEATTLE = communityId("seattle-wa-us");
const KOBE = communityId("kobe-jp");
const PORTLAND = communityId("portland-or-us");
const SCI = organizationId("sister-cities-international");
const testPartnership = (name: string) => stableId("partnership", `programs-test:${name}`);
const ACTIVE = testPartnership("active");
const CONCURRENT = testPartnership("concurrent");
const EXCHANGES = testPartnership("exchanges");
const PROPOSED = testPartnership("proposed");
const SLOW = testPartnership("slow");
const MISSING = testPartnership("missing");

const FAKE_PARTNERSHIPS: Record<string, { status: string; communities: string[]; delayMs?: number }> = {
  [ACTIVE]: { status: "ACTIVE", communities: [SEATTLE, KOBE] },
  [CONCURRENT]: { status: "ACTIVE", communities: [SEATTLE, KOBE] },
  [EXCHANGES]: { status: "ACTIVE", communities: [SEATTLE, KOBE] },
  [PROPOSED]: { status: "PROPOSED", communities: [SEATTLE, KOBE] },
  [SLOW]: { status: "ACTIVE", communities: [SEATTLE, KOBE], delayMs: 1500 },
};

const identity = (subject: string, roles: Identity["roles"], communityIds: string[] = [], organizationIds: string[] = []): Identity => ({
  subject, roles, communityIds, organizationIds,
});
const seattleAdmin = identity("seattle-admin", ["MEMBER_ADMIN"], [SEATTLE]);
const kobeAdmin = identity("kobe-admin", ["MEMBER_ADMIN"], [KOBE]);
const portlandAdmin = identity("portland-admin", ["MEMBER_ADMIN"], [PORTLAND], [SCI]);
const sciAndSeattleAdmin = identity("sci-admin", ["MEMBER_ADMIN"], [SEATTLE], [SCI]);
const analyst = identity("analyst", ["ANALYST"], [SEATTLE]);
const staff = identity("staff", ["STAFF"]);

let fake: Server;
const fakeCalls: { caller: string; ids: string[] }[] = [];
let directory: Awaited<ReturnType<typeof startDirectory>>;
let server: Awaited<ReturnType<typeof startSubgraph>>;
let partnershipsDown: Awaited<ReturnType<typeof startSubgraph>>;
let directoryDown: Awaited<ReturnType<typeof startSubgraph>>;
let db: DataSource;

async function startFakePartnerships(): Promise<string> {
  fake = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const header = req.headers[INTERNAL_CREDENTIAL_HEADER];
    const credential = await verifyInternalCredential(Array.isArray(header) ? header[0] : header, DEVELOPMENT_INTERNAL_SECRET);
    if (!credential) {
      res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: "no credential" }] }));
      return;
    }
    const { query, variables } = JSON.parse(body) as { query: string; variables: { representations: { __typename: string; id: string }[] } };
    if (!query.includes("_entities") || !query.includes("... on Partnership")) {
      res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: "unexpected question" }] }));
      return;
    }
    const ids = variables.representations.map((r) => r.id);
    fakeCalls.push({ caller: credential.caller, ids });
    const delay = Math.max(0, ...ids.map((id) => FAKE_PARTNERSHIPS[id]?.delayMs ?? 0));
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const entities = ids.map((id) => {
      const p = FAKE_PARTNERSHIPS[id];
      return p ? { __typename: "Partnership", id, status: p.status, communities: p.communities.map((c) => ({ id: c })) } : null;
    });
    if (!res.destroyed) res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: { _entities: entities } }));
  });
  await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(fake.address() as AddressInfo).port}/graphql`;
}

const CLOSED = "http://127.0.0.1:9/graphql";

beforeAll(async () => {
  const partnershipsUrl = await startFakePartnerships();
  directory = await startDirectory(directoryConfig(testServiceEnv({ DIRECTORY_PORT: "0" })));
  const env = (extra: Record<string, string>) =>
    loadConfig(testServiceEnv({ PROGRAMS_PORT: "0", PARTNERSHIPS_URL: partnershipsUrl, DIRECTORY_URL: directory.url, SUBGRAPH_TIMEOUT_MS: "1000", ...extra }));
  [server, partnershipsDown, directoryDown] = await Promise.all([
    startSubgraph(env({})),
    startSubgraph(env({ PARTNERSHIPS_URL: CLOSED })),
    startSubgraph(env({ DIRECTORY_URL: CLOSED })),
  ]);
  db = createProgramsDataSource(testServiceEnv().DATABASE_URL, { poolSize: 1 });
  await db.initialize();
});
afterAll(async () => {
  await Promise.all([server?.stop(), partnershipsDown?.stop(), directoryDown?.stop(), directory?.stop(), db?.destroy()]);
  await new Promise((resolve) => fake?.close(resolve));
});

const CREATE = `mutation($input: CreateProgramInput!) { createProgram(input: $input) {
  id title description areas ageGroups status startsOn endsOn provenance { kind enteredBy } partnership { id } organizer { id } exchanges { id } } }`;
const SCHEDULE = `mutation($programId: ID!, $input: ScheduleExchangeInput!) { scheduleExchange(programId: $programId, input: $input) {
  id departsOn returnsOn participantCount ageGroups description provenance { kind enteredBy } fromCommunity { id } toCommunity { id } program { id } } }`;

const create = (who: Identity | null, input: Record<string, unknown>, url = server.url) =>
  graphqlRequest(url, CREATE, { asGateway: { identity: who }, variables: { input } });
const schedule = (who: Identity | null, programId: string, input: Record<string, unknown>) =>
  graphqlRequest(server.url, SCHEDULE, { asGateway: { identity: who }, variables: { programId, input } });

const programRows = async (partnership: string) =>
  Number((await db.query(`SELECT count(*) AS n FROM "programs"."program" WHERE partnership_id::text = $1`, [partnership]))[0].n);
const exchangeRows = async (programId: string) =>
  Number((await db.query(`SELECT count(*) AS n FROM "programs"."exchange" WHERE program_id = $1`, [programId]))[0].n);

let counter = 0;
const programInput = (overrides: Record<string, unknown> = {}) => ({
  partnershipId: ACTIVE,
  title: `Seattle–Kobe Robotics Club Exchange ${++counter}`,
  description: "Robotics clubs of both cities build a robot together.",
  areas: ["K12_EDUCATION", "EDUCATIONAL_EXCHANGES"],
  ageGroups: ["TEENS"],
  startsOn: "2027-03-01",
  endsOn: "2027-11-30",
  ...overrides,
});

function expectRefusal(response: Awaited<ReturnType<typeof graphqlRequest>>, code: string, message: RegExp) {
  expect(response.status).toBeLessThan(500);
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.[0].extensions?.code).toBe(code);
  expect(response.errors?.[0].message).toMatch(message);
}

describe("createProgram", () => {
  it("lets an admin of one of the partnership's communities publish a program, asking the partnerships subgraph", async () => {
    fakeCalls.length = 0;
    const input = programInput();
    const { data, errors } = await create(seattleAdmin, input);
    expect(errors).toBeUndefined();
    expect(data.createProgram).toEqual({
      id: expect.any(String), title: input.title, description: input.description, areas: input.areas, ageGroups: input.ageGroups,
      status: "PLANNED", startsOn: "2027-03-01", endsOn: "2027-11-30", provenance: { kind: "ENTERED", enteredBy: seattleAdmin.subject }, partnership: { id: ACTIVE }, organizer: null, exchanges: [],
    });
    expect(fakeCalls).toEqual([{ caller: "programs", ids: [ACTIVE] }]);
    // Readable at once: by id, through the partnership, and by the partner's country (asked from the directory).
    const read = await graphqlRequest(server.url,
      `query($id: ID!, $reps: [_Any!]!) { program(id: $id) { title } _entities(representations: $reps) { ... on Partnership { programs { id } } }
        programs(filter: { countryCode: "JP", areas: [K12_EDUCATION] }, first: 500) { edges { node { id } } } }`,
      { asGateway: { identity: null }, variables: { id: data.createProgram.id, reps: [{ __typename: "Partnership", id: ACTIVE }] } });
    expect(read.data.program.title).toBe(input.title);
    expect(read.data._entities[0].programs.map((p: any) => p.id)).toContain(data.createProgram.id);
    expect(read.data.programs.edges.map((e: any) => e.node.id)).toContain(data.createProgram.id);
  });

  it("lets the partner's admin and staff publish too, and records the organizer an admin administers", async () => {
    const kobe = await create(kobeAdmin, programInput({ startsOn: "2025-01-10", endsOn: null }));
    expect(kobe.errors).toBeUndefined();
    expect(kobe.data.createProgram).toMatchObject({ status: "RUNNING", endsOn: null });
    const byStaff = await create(staff, programInput({ startsOn: "2024-01-10", endsOn: "2024-02-10" }));
    expect(byStaff.data.createProgram.status).toBe("COMPLETED");
    const organized = await create(sciAndSeattleAdmin, programInput({ organizerId: SCI }));
    expect(organized.errors).toBeUndefined();
    expect(organized.data.createProgram.organizer).toEqual({ id: SCI });
    const sci = await graphqlRequest(server.url, `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization { programs { id } } } }`,
      { asGateway: { identity: null }, variables: { reps: [{ __typename: "Organization", id: SCI }] } });
    expect(sci.data._entities[0].programs.map((p: any) => p.id)).toContain(organized.data.createProgram.id);
  });

  it.each([
    ["an anonymous caller", null, {}, "UNAUTHENTICATED", /signed in/],
    ["an admin of neither community", portlandAdmin, {}, "FORBIDDEN", /communities you administer/],
    ["an analyst", analyst, {}, "FORBIDDEN", /communities you administer/],
    ["an organizer the caller does not administer", seattleAdmin, { organizerId: SCI }, "FORBIDDEN", /organization you administer/],
    ["an organizer the directory does not know", staff, { organizerId: organizationId("no-such-organization") }, "BAD_USER_INPUT", /No organization with id/],
    ["a PROPOSED partnership", staff, { partnershipId: PROPOSED }, "CONFLICT", /is PROPOSED; .*ACTIVE/],
    ["an unknown partnership", staff, { partnershipId: MISSING }, "NOT_FOUND", new RegExp(`No partnership with id "${MISSING}"`)],
    ["a malformed partnership id", staff, { partnershipId: "seattle-kobe" }, "BAD_USER_INPUT", /"seattle-kobe" is not a partnership id/],
    ["a blank title", staff, { title: "   " }, "BAD_USER_INPUT", /"title" must not be empty/],
    ["a title of 201 characters", staff, { title: "x".repeat(201) }, "BAD_USER_INPUT", /at most 200 characters long, but has 201/],
    ["an end before the start", staff, { startsOn: "2027-05-02", endsOn: "2027-05-01" }, "BAD_USER_INPUT", /cannot end on 2027-05-01, before it starts on 2027-05-02/],
    ["no areas", staff, { areas: [] }, "BAD_USER_INPUT", /"areas" must name at least one value/],
    ["no age groups", staff, { ageGroups: [] }, "BAD_USER_INPUT", /"ageGroups" must name at least one value/],
  ] as [string, Identity | null, Record<string, unknown>, string, RegExp][])(
    "refuses %s with a coded error and writes nothing",
    async (_label, who, overrides, code, message) => {
      const input = programInput(overrides);
      const partnership = String(input.partnershipId);
      const before = await programRows(partnership);
      expectRefusal(await create(who, input), code, message);
      expect(await programRows(partnership)).toBe(before);
    },
  );

  it("refuses a second program with the same title and start date in the partnership", async () => {
    const input = programInput();
    expect((await create(staff, input)).errors).toBeUndefined();
    const before = await programRows(ACTIVE);
    expectRefusal(await create(seattleAdmin, input), "CONFLICT", /already has a program titled/);
    expect(await programRows(ACTIVE)).toBe(before);
  });

  it("publishes a program once when the same one is submitted concurrently", async () => {
    const input = programInput({ partnershipId: CONCURRENT });
    const before = await programRows(CONCURRENT);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => create(i % 2 ? seattleAdmin : kobeAdmin, input)));
    expect(results.map((r) => r.errors?.[0].extensions?.code ?? "OK").sort()).toEqual(["CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT", "OK"]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === "CONFLICT")).toHaveLength(5);
    expect(await programRows(CONCURRENT)).toBe(before + 1);
    // Different programs submitted at once are all kept.
    const many = await Promise.all(Array.from({ length: 6 }, () => create(seattleAdmin, programInput({ partnershipId: CONCURRENT }))));
    expect(many.every((r) => !r.errors)).toBe(true);
    expect(await programRows(CONCURRENT)).toBe(before + 7);
  });

  it("answers SERVICE_UNAVAILABLE, writing nothing, when the partnerships subgraph is unreachable or too slow", async () => {
    const before = await programRows(ACTIVE);
    expectRefusal(await create(staff, programInput(), partnershipsDown.url), "SERVICE_UNAVAILABLE", /The partnerships service did not answer within 1000 ms/);
    const slowBefore = await programRows(SLOW);
    expectRefusal(await create(staff, programInput({ partnershipId: SLOW })), "SERVICE_UNAVAILABLE", /did not answer within 1000 ms/);
    expect(await programRows(ACTIVE)).toBe(before);
    expect(await programRows(SLOW)).toBe(slowBefore);
  });

  it("answers SERVICE_UNAVAILABLE, writing nothing, when the directory is unreachable", async () => {
    const before = await programRows(ACTIVE);
    expectRefusal(await create(staff, programInput(), directoryDown.url), "SERVICE_UNAVAILABLE", /The directory service did not answer/);
    expect(await programRows(ACTIVE)).toBe(before);
  });
});

describe("scheduleExchange", () => {
  let programId: string;
  const exchangeInput = (overrides: Record<string, unknown> = {}) => ({
    fromCommunityId: KOBE, toCommunityId: SEATTLE, departsOn: "2027-04-01", returnsOn: "2027-04-14",
    participantCount: 12, ageGroups: ["TEENS"], description: "Kobe students visit Seattle.", ...overrides,
  });

  beforeAll(async () => {
    const created = await create(staff, programInput({ partnershipId: EXCHANGES, ageGroups: ["TEENS", "ADULTS"], startsOn: "2027-03-01", endsOn: "2027-11-30" }));
    expect(created.errors).toBeUndefined();
    programId = created.data.createProgram.id;
  });

  it("lets an admin of either community schedule a trip between the two sides", async () => {
    const { data, errors } = await schedule(kobeAdmin, programId, exchangeInput());
    expect(errors).toBeUndefined();
    expect(data.scheduleExchange).toEqual({
      id: expect.any(String), departsOn: "2027-04-01", returnsOn: "2027-04-14", participantCount: 12, ageGroups: ["TEENS"],
      description: "Kobe students visit Seattle.", provenance: { kind: "ENTERED", enteredBy: kobeAdmin.subject }, fromCommunity: { id: KOBE }, toCommunity: { id: SEATTLE }, program: { id: programId },
    });
    const back = await schedule(seattleAdmin, programId, exchangeInput({ fromCommunityId: SEATTLE, toCommunityId: KOBE, departsOn: "2027-10-01", returnsOn: "2027-10-10", ageGroups: ["TEENS", "ADULTS"] }));
    expect(back.errors).toBeUndefined();
    const read = await graphqlRequest(server.url, `query($id: ID!) { program(id: $id) { exchanges { id departsOn fromCommunity { id } } } }`,
      { asGateway: { identity: null }, variables: { id: programId } });
    expect(read.data.program.exchanges.map((e: any) => e.id)).toEqual(expect.arrayContaining([data.scheduleExchange.id, back.data.scheduleExchange.id]));
  });

  it.each([
    ["an anonymous caller", null, {}, "UNAUTHENTICATED", /signed in/],
    ["an admin of neither community", portlandAdmin, {}, "FORBIDDEN", /communities you administer/],
    ["an analyst", analyst, {}, "FORBIDDEN", /communities you administer/],
    ["a community outside the partnership", staff, { fromCommunityId: PORTLAND }, "BAD_USER_INPUT", /is not one of the two communities/],
    ["a malformed community id", staff, { toCommunityId: "kobe" }, "BAD_USER_INPUT", /"kobe" is not one of the two communities/],
    ["a trip from a community to itself", staff, { toCommunityId: KOBE }, "BAD_USER_INPUT", /from one community of the partnership to the other/],
    ["a return before the departure", staff, { departsOn: "2027-05-10", returnsOn: "2027-05-09" }, "BAD_USER_INPUT", /cannot return on 2027-05-09, before it departs on 2027-05-10/],
    ["a departure before the program starts", staff, { departsOn: "2027-02-27" }, "BAD_USER_INPUT", /departs on 2027-02-27, before program .* starts on 2027-03-01/],
    ["a return after the program ends", staff, { departsOn: "2027-11-25", returnsOn: "2027-12-02" }, "BAD_USER_INPUT", /returns on 2027-12-02, after program .* ends on 2027-11-30/],
    ["no participants", staff, { participantCount: 0 }, "BAD_USER_INPUT", /"participantCount" must be a whole number from 1 to 10000, but was 0/],
    ["a negative participant count", staff, { participantCount: -3 }, "BAD_USER_INPUT", /but was -3/],
    ["too many participants", staff, { participantCount: 10_001 }, "BAD_USER_INPUT", /but was 10001/],
    ["no age groups", staff, { ageGroups: [] }, "BAD_USER_INPUT", /"ageGroups" must name at least one value/],
    ["an age group the program does not serve", staff, { ageGroups: ["TEENS", "SENIORS"] }, "BAD_USER_INPUT", /serves TEENS, ADULTS, not SENIORS/],
  ] as [string, Identity | null, Record<string, unknown>, string, RegExp][])(
    "refuses %s with a coded error and writes nothing",
    async (_label, who, overrides, code, message) => {
      const before = await exchangeRows(programId);
      expectRefusal(await schedule(who, programId, exchangeInput({ departsOn: "2027-06-01", returnsOn: "2027-06-08", ...overrides })), code, message);
      expect(await exchangeRows(programId)).toBe(before);
    },
  );

  it("answers NOT_FOUND for an unknown or malformed program", async () => {
    expectRefusal(await schedule(staff, "00000000-0000-4000-8000-000000000000", exchangeInput()), "NOT_FOUND", /No program with id "00000000-0000-4000-8000-000000000000"/);
    expectRefusal(await schedule(staff, "nope", exchangeInput()), "NOT_FOUND", /No program with id "nope"/);
  });

  it("schedules each trip once under concurrent submissions, and keeps every distinct one", async () => {
    const before = await exchangeRows(programId);
    const same = exchangeInput({ departsOn: "2027-07-01", returnsOn: "2027-07-05" });
    const duplicates = await Promise.all(Array.from({ length: 5 }, () => schedule(seattleAdmin, programId, same)));
    expect(duplicates.map((r) => r.errors?.[0].extensions?.code ?? "OK").sort()).toEqual(["CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT", "OK"]);
    expect(duplicates.filter((r) => !r.errors)).toHaveLength(1);
    expect(duplicates.filter((r) => r.errors?.[0].extensions?.code === "CONFLICT")).toHaveLength(4);
    expect(await exchangeRows(programId)).toBe(before + 1);
    const distinct = await Promise.all(
      Array.from({ length: 8 }, (_, i) => schedule(i % 2 ? kobeAdmin : seattleAdmin, programId, exchangeInput({ departsOn: `2027-08-${String(i + 1).padStart(2, "0")}`, returnsOn: "2027-08-20" }))),
    );
    expect(distinct.map((r) => r.errors?.[0].message)).toEqual(Array(8).fill(undefined));
    expect(await exchangeRows(programId)).toBe(before + 9);
  });
});
