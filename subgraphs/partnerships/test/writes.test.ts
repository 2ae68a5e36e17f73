import { loadConfig as directoryConfig, startSubgraph as startDirectory } from "@scg/directory";
import { communityId, partnershipId, type Identity, type RunningService } from "@scg/shared";
import { readSisterCityPairs, resolveCommunities } from "@scg/shared/data";
import { graphqlRequest, testServiceEnv, QueryCounter } from "@scg/shared/testing";
import { Client } from "pg";
import { loadConfig, startSubgraph } from "../src/index.js";

/*
 * Every write test works on its own pair of communities abroad (never Japan, Seattle or Chicago,
 * which the read tests count), and every partnership written here is deleted at the end, so the
 * seeded figures other test files assert are disturbed as briefly as possible.
 */
let directory: Awaited<ReturnType<typeof startDirectory>>;
let server: RunningService<QueryCounter>;
let db: Client;
// The embedded test database is behind shared/db/serializing-proxy.ts already; real Postgres needs nothing.
const database = { url: process.env.TEST_DATABASE_URL! };

const SUBJECT_PREFIX = "writes-test:";
const staff: Identity = { subject: `${SUBJECT_PREFIX}staff`, roles: ["STAFF"], communityIds: [], organizationIds: [] };
const adminOf = (...ids: string[]): Identity => ({ subject: `${SUBJECT_PREFIX}admin-${ids.join("+").slice(0, 40)}`, roles: ["MEMBER_ADMIN"], communityIds: ids, organizationIds: [] });
const analyst: Identity = { subject: `${SUBJECT_PREFIX}analyst`, roles: ["ANALYST"], communityIds: [], organizationIds: [] };

const call = (identity: Identity | null, query: string, variables?: Record<string, unknown>, url = server.url) =>
  graphqlRequest(url, query, { asGateway: { identity }, variables });

const PARTNERSHIP_FIELDS = `id status version focusAreas establishedOn establishedYear source communities { id }
  signatures { community { id } signatoryName signatoryTitle signedOn }
  statusHistory { from to changedBy reason }`;
const PROPOSE = `mutation($input: ProposePartnershipInput!) { proposePartnership(input: $input) { ${PARTNERSHIP_FIELDS} } }`;
const SIGN = `mutation($id: ID!, $input: SignPartnershipInput!) { signPartnership(id: $id, input: $input) { ${PARTNERSHIP_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $status: PartnershipStatus!, $reason: String!, $expectedVersion: Int) {
  updatePartnershipStatus(id: $id, status: $status, reason: $reason, expectedVersion: $expectedVersion) { ${PARTNERSHIP_FIELDS} } }`;

// Communities abroad, by country, from the same data the directory imported.
const { communities } = resolveCommunities(readSisterCityPairs());
const abroad = (code: string) => communities.filter((c) => c.countryCode === code).map((c) => c.id);
const germany = abroad("DE");
const france = abroad("FR");
let nextPair = 0;
/** A German and a French community that no other test uses (and that have no partnership with each other). */
const freshPair = (): [string, string] => {
  const index = nextPair++;
  return [germany[index], france[index]];
};

const rowsOfPair = async ([a, b]: string[]) => {
  const { rows } = await db.query(
    `SELECT p.id, p.status, (SELECT count(*)::int FROM partnerships.signature s WHERE s.partnership_id = p.id) AS signatures,
            (SELECT count(*)::int FROM partnerships.status_change h WHERE h.partnership_id = p.id) AS changes
     FROM partnerships.partnership p WHERE LEAST(community_a_id, community_b_id) = LEAST($1::uuid, $2::uuid)
       AND GREATEST(community_a_id, community_b_id) = GREATEST($1::uuid, $2::uuid) ORDER BY p.created_at`,
    [a, b],
  );
  return rows;
};

async function propose(pair: [string, string], identity: Identity = adminOf(pair[0]), focusAreas = ["EDUCATIONAL_EXCHANGES"]) {
  const response = await call(identity, PROPOSE, { input: { communityIds: pair, focusAreas } });
  expect(response.errors).toBeUndefined();
  return response.data.proposePartnership;
}

const signature = (communityId: string, signedOn = "2026-01-15") => ({ communityId, signatoryName: "Anna Example", signatoryTitle: "Mayor", signedOn });

async function activePartnership(pair = freshPair()) {
  const proposed = await propose(pair);
  await call(adminOf(pair[0]), SIGN, { id: proposed.id, input: signature(pair[0]) });
  const signed = await call(adminOf(pair[1]), SIGN, { id: proposed.id, input: signature(pair[1]) });
  expect(signed.data.signPartnership.status).toBe("ACTIVE");
  return signed.data.signPartnership;
}

const codeOf = (response: { errors?: { extensions?: Record<string, any> }[] }) => response.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  directory = await startDirectory(directoryConfig(testServiceEnv({ DIRECTORY_PORT: "0", DATABASE_URL: database.url })));
  server = await startSubgraph(loadConfig(testServiceEnv({ PARTNERSHIPS_PORT: "0", DIRECTORY_URL: directory.url, DATABASE_URL: database.url })), { queryLogger: new QueryCounter() });
  db = new Client({ connectionString: database.url });
  await db.connect();
  expect(germany.length).toBeGreaterThan(40);
  expect(france.length).toBeGreaterThan(40);
});

afterAll(async () => {
  await db?.query(`DELETE FROM partnerships.partnership WHERE provenance_entered_by LIKE $1`, [`${SUBJECT_PREFIX}%`]);
  await db?.end();
  await server?.stop();
  await directory?.stop();
});

// First in this file, before any write of it: the seeded network's figures.
describe("networkStats", () => {
  it("gives 2,561 partnerships, all active, in 130 partner countries, in one statement", async () => {
    const pairs = readSisterCityPairs();
    server.queries.reset();
    const { data, errors } = await call(null, `{ networkStats { communities partnerships activePartnerships countries } }`);
    expect(errors).toBeUndefined();
    expect(data.networkStats).toEqual({ communities: communities.length, partnerships: 2560, activePartnerships: 2560, countries: 130 });
    expect(new Set(pairs.map((p) => p.partnerCountryCode)).size).toBe(130);
    expect(server.queries.statements).toHaveLength(1);
  });
});

describe("proposePartnership", () => {
  it("refuses an anonymous caller with UNAUTHENTICATED and writes nothing", async () => {
    const pair = freshPair();
    const response = await call(null, PROPOSE, { input: { communityIds: pair, focusAreas: [] } });
    expect(codeOf(response)).toBe("UNAUTHENTICATED");
    expect(response.errors?.[0].message).toMatch(/signed in/);
    expect(await rowsOfPair(pair)).toEqual([]);
  });

  it("refuses an admin of neither community (and an analyst) with FORBIDDEN and writes nothing", async () => {
    const pair = freshPair();
    for (const identity of [adminOf(germany[100] ?? communityId("kobe-jp")), analyst]) {
      const response = await call(identity, PROPOSE, { input: { communityIds: pair } });
      expect(codeOf(response)).toBe("FORBIDDEN");
    }
    expect(await rowsOfPair(pair)).toEqual([]);
  });

  it("lets an admin of one side propose: PROPOSED, unsigned, in the proposer's order, with its history", async () => {
    const pair = freshPair();
    const admin = adminOf(pair[1]);
    const proposed = await propose([pair[1], pair[0]], admin, ["EDUCATIONAL_EXCHANGES", "CULTURE_AND_ARTS", "EDUCATIONAL_EXCHANGES"]);
    expect(proposed).toEqual({
      id: expect.any(String), status: "PROPOSED", version: 1, focusAreas: ["EDUCATIONAL_EXCHANGES", "CULTURE_AND_ARTS"],
      establishedOn: null, establishedYear: null, source: "Entered through the Sister Cities Graph API",
      communities: [{ id: pair[1] }, { id: pair[0] }],
      signatures: [],
      statusHistory: [{ from: null, to: "PROPOSED", changedBy: admin.subject, reason: "Proposed." }],
    });
    // The sides' countries were taken from the directory, so the country filter finds it in one query.
    const { data } = await call(null, `{ de: partnerships(filter: { countryCode: "DE", status: [PROPOSED] }, first: 500) { edges { node { id } } }
                                       fr: partnerships(filter: { countryCode: "FR", status: [PROPOSED] }, first: 500) { edges { node { id } } } }`);
    expect(data.de.edges.map((e: any) => e.node.id)).toContain(proposed.id);
    expect(data.fr.edges.map((e: any) => e.node.id)).toContain(proposed.id);
    const partners = await call(null, `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Community { sisterCities(status: [PROPOSED]) { partner { id } partnership { id } } } } }`, {
      reps: [{ __typename: "Community", id: pair[0] }],
    });
    expect(partners.data._entities[0].sisterCities).toEqual([{ partner: { id: pair[1] }, partnership: { id: proposed.id } }]);
    expect(proposed.id).toBe(partnershipId(communities.find((c) => c.id === pair[0])!.slug, communities.find((c) => c.id === pair[1])!.slug));
  });

  it.each([
    ["one community", () => [germany[0]], /exactly two communities, but 1/],
    ["the same community twice", () => [germany[0], germany[0]], /two different communities/],
    ["a malformed id", () => [germany[0], "kobe-jp"], /"kobe-jp" is not a community id/],
    ["a community the directory does not know", () => [germany[0], "00000000-0000-4000-8000-000000000001"], /No community with id "00000000-0000-4000-8000-000000000001"/],
    ["two communities in one country", () => [germany[0], germany[1]], /both in DE/],
  ])("refuses %s with BAD_USER_INPUT and writes nothing", async (_label, ids, message) => {
    // Staff proposes nothing successfully before the concurrency test below, so any row of theirs would come from here.
    const response = await call(staff, PROPOSE, { input: { communityIds: ids() } });
    expect(codeOf(response)).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0].message).toMatch(message);
    expect((await db.query(`SELECT count(*)::int AS n FROM partnerships.partnership WHERE provenance_entered_by = $1`, [staff.subject])).rows[0].n).toBe(0);
  });

  it("refuses a second proposal of a pair with an open partnership (CONFLICT), including an imported ACTIVE one", async () => {
    const pair = freshPair();
    const first = await propose(pair);
    const again = await call(adminOf(pair[1]), PROPOSE, { input: { communityIds: [pair[1], pair[0]] } });
    expect(codeOf(again)).toBe("CONFLICT");
    expect(again.errors?.[0].message).toContain(first.id);
    const imported = await call(staff, PROPOSE, { input: { communityIds: [communityId("seattle-wa-us"), communityId("kobe-jp")] } });
    expect(codeOf(imported)).toBe("CONFLICT");
    expect(imported.errors?.[0].message).toMatch(/"seattle-wa-us" and "kobe-jp" already have a partnership that is ACTIVE/);
    expect(await rowsOfPair(pair)).toHaveLength(1);
    expect(await rowsOfPair([communityId("seattle-wa-us"), communityId("kobe-jp")])).toHaveLength(1);
  });

  it("lets exactly one of two concurrent identical proposals through", async () => {
    const pair = freshPair();
    const responses = await Promise.all([0, 1, 2].map(() => call(staff, PROPOSE, { input: { communityIds: pair } })));
    expect(responses.filter((r) => !r.errors)).toHaveLength(1);
    expect(responses.filter((r) => codeOf(r) === "CONFLICT")).toHaveLength(2);
    const rows = await rowsOfPair(pair);
    expect(rows).toEqual([expect.objectContaining({ status: "PROPOSED", changes: 1 })]);
  });

  it("answers SERVICE_UNAVAILABLE with a sentence when the directory cannot be reached, and writes nothing", async () => {
    const cut = await startSubgraph(loadConfig(testServiceEnv({ PARTNERSHIPS_PORT: "0", DATABASE_URL: database.url, DIRECTORY_URL: "http://127.0.0.1:9/graphql", SUBGRAPH_TIMEOUT_MS: "500" })));
    try {
      const pair = freshPair();
      const response = await call(staff, PROPOSE, { input: { communityIds: pair } }, cut.url);
      expect(codeOf(response)).toBe("SERVICE_UNAVAILABLE");
      expect(response.errors?.[0].message).toMatch(/directory service did not answer within 500 ms/);
      expect(await rowsOfPair(pair)).toEqual([]);
    } finally {
      await cut.stop();
    }
  });
});

describe("signPartnership", () => {
  it("activates the partnership with the second side's signature, establishedOn the later date", async () => {
    const pair = freshPair();
    const proposed = await propose(pair);
    const first = await call(adminOf(pair[1]), SIGN, { id: proposed.id, input: signature(pair[1], "2026-02-01") });
    expect(first.errors).toBeUndefined();
    expect(first.data.signPartnership).toMatchObject({ status: "PROPOSED", establishedOn: null, version: 2 });
    expect(first.data.signPartnership.signatures).toEqual([
      { community: { id: pair[1] }, signatoryName: "Anna Example", signatoryTitle: "Mayor", signedOn: "2026-02-01" },
    ]);
    const second = await call(staff, SIGN, { id: proposed.id, input: { ...signature(pair[0], "2026-01-20"), signatoryName: "  Bernd Beispiel " } });
    expect(second.errors).toBeUndefined();
    expect(second.data.signPartnership).toMatchObject({ status: "ACTIVE", establishedOn: "2026-02-01", establishedYear: 2026, version: 3 });
    expect(second.data.signPartnership.signatures.map((s: any) => [s.community.id, s.signatoryName])).toEqual([
      [pair[1], "Anna Example"],
      [pair[0], "Bernd Beispiel"],
    ]);
    expect(second.data.signPartnership.statusHistory.map((h: any) => [h.from, h.to, h.changedBy])).toEqual([
      [null, "PROPOSED", adminOf(pair[0]).subject],
      ["PROPOSED", "ACTIVE", staff.subject],
    ]);
  });

  it("refuses signing twice for one side (CONFLICT), and signing an ACTIVE partnership", async () => {
    const pair = freshPair();
    const proposed = await propose(pair);
    await call(adminOf(pair[0]), SIGN, { id: proposed.id, input: signature(pair[0]) });
    const twice = await call(adminOf(pair[0]), SIGN, { id: proposed.id, input: { ...signature(pair[0]), signatoryName: "Someone Else" } });
    expect(codeOf(twice)).toBe("CONFLICT");
    expect(twice.errors?.[0].message).toMatch(/already signed/);
    await call(adminOf(pair[1]), SIGN, { id: proposed.id, input: signature(pair[1]) });
    const late = await call(adminOf(pair[1]), SIGN, { id: proposed.id, input: signature(pair[1]) });
    expect(codeOf(late)).toBe("CONFLICT");
    expect(late.errors?.[0].message).toMatch(/is ACTIVE; only a PROPOSED partnership can be signed/);
    expect(await rowsOfPair(pair)).toEqual([expect.objectContaining({ status: "ACTIVE", signatures: 2, changes: 2 })]);
  });

  it("refuses the wrong people and wrong input, writing nothing", async () => {
    const pair = freshPair();
    const proposed = await propose(pair);
    const cases: [Identity | null, string, Record<string, unknown>, string][] = [
      [null, proposed.id, signature(pair[0]), "UNAUTHENTICATED"],
      [adminOf(pair[1]), proposed.id, signature(pair[0]), "FORBIDDEN"],
      [adminOf(germany[90]), proposed.id, signature(germany[90]), "BAD_USER_INPUT"],
      [staff, "00000000-0000-4000-8000-000000000002", signature(pair[0]), "NOT_FOUND"],
      [staff, proposed.id, signature(pair[0], "2999-01-01"), "BAD_USER_INPUT"],
      [staff, proposed.id, { ...signature(pair[0]), signatoryName: "   " }, "BAD_USER_INPUT"],
    ];
    for (const [identity, id, input, code] of cases) {
      const response = await call(identity, SIGN, { id, input });
      expect([code, response.errors?.[0].message]).toEqual([code, expect.any(String)]);
      expect(codeOf(response)).toBe(code);
    }
    expect(await rowsOfPair(pair)).toEqual([expect.objectContaining({ status: "PROPOSED", signatures: 0, changes: 1 })]);
  });

  it("keeps both signatures and activates once when both officials sign at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      const pair = freshPair();
      const proposed = await propose(pair);
      const [a, b] = await Promise.all([
        call(adminOf(pair[0]), SIGN, { id: proposed.id, input: signature(pair[0], "2026-03-01") }),
        call(adminOf(pair[1]), SIGN, { id: proposed.id, input: signature(pair[1], "2026-03-02") }),
      ]);
      expect(a.errors).toBeUndefined();
      expect(b.errors).toBeUndefined();
      expect([a.data.signPartnership.status, b.data.signPartnership.status].sort()).toEqual(["ACTIVE", "PROPOSED"]);
      const { data } = await call(null, `query($id: ID!) { partnership(id: $id) { status establishedOn version signatures { community { id } } statusHistory { from to } } }`, {
        id: proposed.id,
      });
      expect(data.partnership).toMatchObject({ status: "ACTIVE", establishedOn: "2026-03-02", version: 3 });
      expect(data.partnership.signatures.map((s: any) => s.community.id).sort()).toEqual([...pair].sort());
      expect(data.partnership.statusHistory).toEqual([{ from: null, to: "PROPOSED" }, { from: "PROPOSED", to: "ACTIVE" }]);
    }
  });
});

describe("updatePartnershipStatus", () => {
  const update = (identity: Identity | null, id: string, status: string, expectedVersion?: number) =>
    call(identity, UPDATE, { id, status, reason: `Moving to ${status} for the test.`, expectedVersion });

  it("follows the lifecycle: ACTIVE → INACTIVE → ACTIVE → TERMINATED, which is final", async () => {
    const partnership = await activePartnership();
    const [a] = partnership.communities.map((c: any) => c.id);
    const admin = adminOf(a);
    for (const status of ["INACTIVE", "ACTIVE", "TERMINATED"]) {
      const response = await update(admin, partnership.id, status);
      expect(response.errors).toBeUndefined();
      expect(response.data.updatePartnershipStatus.status).toBe(status);
    }
    const final = await update(staff, partnership.id, "ACTIVE");
    expect(codeOf(final)).toBe("CONFLICT");
    expect(final.errors?.[0].message).toMatch(/TERMINATED, which is final/);
    const { data } = await call(null, `query($id: ID!) { partnership(id: $id) { status version statusHistory { from to changedBy reason } } }`, { id: partnership.id });
    expect(data.partnership.status).toBe("TERMINATED");
    expect(data.partnership.statusHistory.map((h: any) => `${h.from}→${h.to}`)).toEqual([
      "null→PROPOSED", "PROPOSED→ACTIVE", "ACTIVE→INACTIVE", "INACTIVE→ACTIVE", "ACTIVE→TERMINATED",
    ]);
    expect(data.partnership.statusHistory.at(-1)).toEqual({ from: "ACTIVE", to: "TERMINATED", changedBy: admin.subject, reason: "Moving to TERMINATED for the test." });
  });

  it("lets a proposal be withdrawn but never activated by a status change", async () => {
    const pair = freshPair();
    const proposed = await propose(pair);
    const activate = await update(staff, proposed.id, "ACTIVE");
    expect(codeOf(activate)).toBe("CONFLICT");
    expect(activate.errors?.[0].message).toMatch(/only when both communities have signed/);
    const inactive = await update(staff, proposed.id, "INACTIVE");
    expect(codeOf(inactive)).toBe("CONFLICT");
    const withdrawn = await update(adminOf(pair[1]), proposed.id, "TERMINATED");
    expect(withdrawn.data.updatePartnershipStatus.status).toBe("TERMINATED");
    // The pair may now start over, under a new id.
    const again = await propose(pair);
    expect(again.id).not.toBe(proposed.id);
    expect((await rowsOfPair(pair)).map((r) => r.status)).toEqual(["TERMINATED", "PROPOSED"]);
  });

  it("refuses to revive an INACTIVE partnership while the pair has another open one", async () => {
    const partnership = await activePartnership();
    const pair = partnership.communities.map((c: any) => c.id);
    await update(staff, partnership.id, "INACTIVE");
    await propose(pair);
    const revive = await update(staff, partnership.id, "ACTIVE");
    expect(codeOf(revive)).toBe("CONFLICT");
    expect(revive.errors?.[0].message).toMatch(/already have another open partnership/);
    expect((await rowsOfPair(pair)).map((r) => r.status)).toEqual(["INACTIVE", "PROPOSED"]);
  });

  it("refuses anonymous callers, strangers, bad input and unknown ids, changing nothing", async () => {
    const partnership = await activePartnership();
    const cases: [Identity | null, string, string, string][] = [
      [null, partnership.id, "INACTIVE", "UNAUTHENTICATED"],
      [adminOf(germany[95]), partnership.id, "INACTIVE", "FORBIDDEN"],
      [staff, "00000000-0000-4000-8000-000000000003", "INACTIVE", "NOT_FOUND"],
      [staff, "not-an-id", "INACTIVE", "BAD_USER_INPUT"],
      [staff, partnership.id, "ACTIVE", "CONFLICT"],
    ];
    for (const [identity, id, status, code] of cases) expect([status, codeOf(await update(identity, id, status))]).toEqual([status, code]);
    const blank = await call(staff, UPDATE, { id: partnership.id, status: "INACTIVE", reason: " " });
    expect(codeOf(blank)).toBe("BAD_USER_INPUT");
    const { data } = await call(null, `query($id: ID!) { partnership(id: $id) { status version } }`, { id: partnership.id });
    expect(data.partnership).toEqual({ status: "ACTIVE", version: partnership.version });
  });

  it("refuses a change based on a stale version (CONFLICT)", async () => {
    const partnership = await activePartnership();
    const first = await update(staff, partnership.id, "INACTIVE", partnership.version);
    expect(first.errors).toBeUndefined();
    const stale = await update(staff, partnership.id, "TERMINATED", partnership.version);
    expect(codeOf(stale)).toBe("CONFLICT");
    expect(stale.errors?.[0].message).toMatch(new RegExp(`is at version ${partnership.version + 1}, not ${partnership.version}`));
  });

  it("never lets concurrent changes silently overwrite each other", async () => {
    // Same expected version: exactly one wins.
    const partnership = await activePartnership();
    const raced = await Promise.all(["INACTIVE", "TERMINATED", "INACTIVE", "TERMINATED"].map((status) => update(staff, partnership.id, status, partnership.version)));
    expect(raced.filter((r) => !r.errors)).toHaveLength(1);
    expect(raced.filter((r) => codeOf(r) === "CONFLICT")).toHaveLength(3);

    // No expected version: whatever wins, the history is one unbroken chain and the version counts every change.
    const other = await activePartnership();
    const responses = await Promise.all(["INACTIVE", "TERMINATED", "INACTIVE"].map((status) => update(staff, other.id, status)));
    expect(responses.every((r) => !r.errors || codeOf(r) === "CONFLICT")).toBe(true);
    const { data } = await call(null, `query($id: ID!) { partnership(id: $id) { status version statusHistory { from to } } }`, { id: other.id });
    const history = data.partnership.statusHistory;
    for (let i = 1; i < history.length; i++) expect(history[i].from).toBe(history[i - 1].to);
    expect(history.at(-1).to).toBe(data.partnership.status);
    expect(history.length - 2).toBe(responses.filter((r) => !r.errors).length);
    expect(data.partnership.version).toBe(other.version + history.length - 2);
  });
});
