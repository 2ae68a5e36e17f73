import { readFileSync } from "node:fs";
import { join } from "node:path";
import { communityId, createDataSource, createLogger, readFromPrimary, readQuery, readTargetOf, requestDataSource, Role } from "@scg/shared";
import { graphqlRequest, labelValues, scrapeMetrics } from "@scg/shared/testing";
import type { DataSource } from "typeorm";
import { prepareDatabases } from "./network-processes.js";
import { startNetwork, startStreamingReplica, streamingReplicaUnavailable, type Network, type StreamingReplica } from "./testing/index.js";

// Subgraphs with DATABASE_READ_URL, against a real streaming replica built on this machine: the
// gateway's reads come from the replica (shown by pausing its replay: they see the past), every
// mutation reads its own writes from the primary, a write's check in another subgraph reads the
// primary too, and the replica catches up.
const unavailable = streamingReplicaUnavailable();
const describeWithPostgres = unavailable ? describe.skip : describe;
if (unavailable) console.warn(`read-replica.test.ts skipped: ${unavailable}`);

const operation = (name: string) => readFileSync(join(__dirname, "..", "..", "gateway", "operations", `${name}.graphql`), "utf8");

/** Every read operation of the contract (gateway/operations), with variables like the product's. */
const CONTRACT_READS: [name: string, variables: Record<string, unknown>][] = [
  ["CommunityProfile", { slug: "seattle-wa-us" }],
  ["CountryPartnerships", { code: "JP", first: 50 }],
  ["DirectorySearch", { filter: { search: "san", countryCode: "US" }, first: 20 }],
  ["MapFacets", { filter: { countryCode: "JP" }, forCountry: {}, forState: { countryCode: "JP" }, forRegion: {}, forStatus: {}, forFocus: {} }],
  ["NetworkStats", {}],
  ["PartnershipMap", { first: 500 }],
  ["SisterCitiesWidget", { slug: "chicago-il-us", withEvents: true }],
  ["UpcomingEvents", { filter: { from: "2015-01-01T00:00:00Z", to: "2035-12-31T23:59:59Z" }, first: 50 }],
  ["YouthPrograms", { filter: { ageGroups: ["TEENS"] }, first: 20 }],
];

/** Caches off (every answer computed by the subgraphs), no rate limits. */
const GATEWAY = { RESPONSE_CACHE_ENABLED: "false", ENTITY_CACHE_ENABLED: "false", RATE_LIMIT_ENABLED: "false" };

let replica: StreamingReplica;
let primaryOnly: Network;
let withReplica: Network;
let staff: string;

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeWithPostgres("subgraphs with a read replica (DATABASE_READ_URL)", () => {
  beforeAll(async () => {
    replica = await startStreamingReplica();
    await prepareDatabases(replica.primaryUrl, true, true, createLogger("test", "silent"));
    expect(await replica.caughtUp()).toBe(true);
    primaryOnly = await startNetwork({ databaseUrl: replica.primaryUrl, gatewayEnv: GATEWAY });
    withReplica = await startNetwork({
      databaseUrl: replica.primaryUrl,
      subgraphEnv: { DATABASE_READ_URL: replica.replicaUrl, METRICS_PORT: "0" },
      gatewayEnv: GATEWAY,
    });
    staff = `Bearer ${await withReplica.tokenFor({ subject: "staff", roles: [Role.STAFF], communityIds: [], organizationIds: [] })}`;
  }, 120_000);

  afterAll(async () => {
    await withReplica?.stop();
    await primaryOnly?.stop();
    await replica?.stop();
  });

  it("the replica is a hot standby of the primary, and every subgraph holds connections to it", async () => {
    expect(await replica.query("replica", "SELECT pg_is_in_recovery() AS standby")).toEqual([{ standby: true }]);
    expect(await replica.query("primary", "SELECT pg_is_in_recovery() AS standby")).toEqual([{ standby: false }]);
    const names = await replica.query<{ name: string }>("replica", `SELECT DISTINCT application_name AS name FROM pg_stat_activity WHERE application_name LIKE 'scg-%' ORDER BY 1`);
    expect(names.map((row) => row.name)).toEqual(["scg-directory", "scg-events", "scg-partnerships", "scg-programs"]);
    const metrics = await scrapeMetrics(withReplica.subgraphs.directory.metricsUrl!);
    expect([...labelValues(metrics, "db_pool_connections", "pool")].sort()).toEqual(["primary", "replica"]);
  });

  it("routes each kind of statement: builders to the request's read target, raw reads through readQuery, transactions and raw query() to the primary", async () => {
    const dataSource = createDataSource({ url: replica.primaryUrl, readUrl: replica.replicaUrl, schema: "public", entities: [], migrations: [], poolSize: 8 });
    await dataSource.initialize();
    try {
      const pools = dataSource.driver as unknown as { master: { options: { max: number } }; slaves: { options: { max: number } }[] };
      expect({ primary: pools.master.options.max, replica: pools.slaves.map((pool) => pool.options.max) }).toEqual({ primary: 2, replica: [6] });
      const standby = "pg_is_in_recovery() AS standby";
      const whereBuilt = async (view: DataSource) => (await view.createQueryBuilder().select(standby).from("pg_database", "d").where("d.datname = current_database()").getRawOne()).standby;
      const whereRaw = async (view: DataSource) => (await readQuery<{ standby: boolean }>(view, `SELECT ${standby}`))[0].standby;

      const view = requestDataSource(dataSource, "replica");
      expect(readTargetOf(view)).toBe("replica");
      expect({ built: await whereBuilt(view), raw: await whereRaw(view), repository: await whereBuilt(dataSource) }).toEqual({ built: true, raw: true, repository: true });
      expect((await view.query(`SELECT ${standby}`))[0].standby).toBe(false);
      expect(await view.transaction(async (manager) => (await manager.query(`SELECT ${standby}`))[0].standby)).toBe(false);
      readFromPrimary(view);
      expect(readTargetOf(view)).toBe("primary");
      expect({ built: await whereBuilt(view), raw: await whereRaw(view) }).toEqual({ built: false, raw: false });
      // Another request's view, and the shared data source, still read from the replica.
      expect(await whereBuilt(requestDataSource(dataSource, "replica"))).toBe(true);
      expect(await whereBuilt(requestDataSource(dataSource, "primary"))).toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });

  it("every contract read answers the same as on the primary alone", async () => {
    for (const [name, variables] of CONTRACT_READS) {
      const [expected, actual] = await Promise.all(
        [primaryOnly, withReplica].map((network) => graphqlRequest(network.gatewayUrl, operation(name), { variables, headers: { authorization: staff } })),
      );
      expect({ name, errors: expected.errors }).toEqual({ name, errors: undefined });
      expect({ name, data: actual.data, errors: actual.errors }).toEqual({ name, data: expected.data, errors: undefined });
    }
  });

  it("while the replica lags, reads show the past, and mutations and the checks of other subgraphs read their writes from the primary", async () => {
    const ask = (network: Network, query: string, variables: Record<string, unknown> = {}) =>
      graphqlRequest(network.gatewayUrl, query, { variables, headers: { authorization: staff } });
    const stats = async (network: Network) => (await ask(network, operation("NetworkStats"))).data.networkStats.partnerships as number;
    const facetTotal = async (network: Network) => (await ask(network, `{ partnershipFacets(filter: { countryCode: "IS" }) { total } }`)).data.partnershipFacets.total as number;
    const seatsLeft = async (network: Network, id: string) => (await ask(network, `query($id: ID!) { event(id: $id) { seatsLeft } }`, { id })).data.event?.seatsLeft;

    const created = await ask(withReplica, operation("CreateEvent"), {
      input: { title: "Replica drill", kind: "MEETING", startsAt: "2034-05-01T15:00:00Z", endsAt: "2034-05-01T17:00:00Z", timezone: "America/Chicago", hostCommunityId: communityId("seattle-wa-us"), capacity: 10 },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.createEvent).toMatchObject({ title: "Replica drill", capacity: 10, seatsLeft: 10, host: { slug: "seattle-wa-us" } });
    const eventId = created.data.createEvent.id as string;
    expect(await eventually(() => seatsLeft(withReplica, eventId), (seats) => seats === 10)).toBe(10);
    const partnershipsBefore = await stats(withReplica);
    const icelandBefore = await facetTotal(withReplica);

    await replica.pauseReplay();
    try {
      // The answer of a mutation is read after its write, through the request's loaders: from the primary.
      const registered = await ask(withReplica, operation("RegisterForEvent"), { eventId, attendee: { name: "Ada Replica", email: "ada@replica.example" } });
      expect(registered.errors).toBeUndefined();
      expect(registered.data.registerForEvent.event).toEqual({ id: eventId, seatsLeft: 9 });
      // A repeat finds the registration before writing (a read before the write: the primary too).
      const repeat = await ask(withReplica, operation("RegisterForEvent"), { eventId, attendee: { name: "Ada Replica", email: "ADA@replica.example" } });
      expect(repeat.data?.registerForEvent).toEqual(registered.data.registerForEvent);
      // A query reads the replica, which has not applied the registration yet; the primary has.
      expect(await seatsLeft(withReplica, eventId)).toBe(10);
      expect(await seatsLeft(primaryOnly, eventId)).toBe(9);

      // Propose and sign (both sides): each answer read from the primary, none of it on the replica yet.
      const [a, b] = [communityId("boise-id-us"), communityId("reykjavik-is")];
      const proposed = await ask(withReplica, operation("ProposePartnership"), { input: { communityIds: [a, b], focusAreas: ["EDUCATIONAL_EXCHANGES"] } });
      expect(proposed.errors).toBeUndefined();
      const partnershipId = proposed.data.proposePartnership.id as string;
      const sign = (community: string, signedOn: string) =>
        ask(withReplica, operation("SignPartnership"), { id: partnershipId, input: { communityId: community, signatoryName: "A Mayor", signatoryTitle: "Mayor", signedOn } });
      expect((await sign(a, "2026-01-10")).data.signPartnership).toMatchObject({ status: "PROPOSED", signatures: [{ community: { slug: "boise-id-us" } }] });
      const signed = await sign(b, "2026-01-12");
      expect(signed.errors).toBeUndefined();
      expect(signed.data.signPartnership).toMatchObject({ status: "ACTIVE", establishedOn: "2026-01-12" });
      expect(signed.data.signPartnership.signatures).toHaveLength(2);
      // Raw statements (the figures, the facets) read the replica too.
      expect(await stats(withReplica)).toBe(partnershipsBefore);
      expect(await stats(primaryOnly)).toBe(partnershipsBefore + 1);
      expect(await facetTotal(withReplica)).toBe(icelandBefore);
      expect(await facetTotal(primaryOnly)).toBe(icelandBefore + 1);
      // Publishing a program makes the programs subgraph ask partnerships whether the partnership is
      // ACTIVE: a request from a subgraph, answered from the primary (the replica does not know it yet).
      const program = await ask(withReplica, `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id title } }`, {
        input: { partnershipId, title: "Replica exchange", areas: ["EDUCATIONAL_EXCHANGES"], ageGroups: ["TEENS"], startsOn: "2034-06-01" },
      });
      expect(program.errors).toBeUndefined();
      expect(program.data.createProgram.title).toBe("Replica exchange");
    } finally {
      await replica.resumeReplay();
    }

    // Once the replica applies the WAL it received, the same reads show the writes.
    expect(await eventually(() => seatsLeft(withReplica, eventId), (seats) => seats === 9)).toBe(9);
    expect(await eventually(() => stats(withReplica), (count) => count === partnershipsBefore + 1)).toBe(partnershipsBefore + 1);
    expect(await replica.caughtUp()).toBe(true);
  });
});
