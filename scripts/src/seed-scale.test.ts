import { Client } from "pg";
import { createLogger } from "@scg/shared";
import { generateSyntheticNetwork, SYNTHETIC_SOURCE, type SyntheticImportReport } from "@scg/shared/data";
import { parseFactor } from "./seed-scale.js";
import { databaseOwners, syntheticSeeders } from "./subgraph-registry.js";
import { provisionTestDatabase, type TestDatabase } from "./test-database.js";

const quiet = createLogger("seed-scale-test", "silent");

describe("seed:scale --factor", () => {
  it("accepts a whole number from 1 to 1000 and names a bad value", () => {
    expect(parseFactor(["--factor", "10"])).toBe(10);
    expect(parseFactor(["--factor=100"])).toBe(100);
    expect(() => parseFactor([])).toThrow("--factor is required.");
    expect(() => parseFactor(["--factor", "ten"])).toThrow('--factor must be a whole number from 1 to 1000, but is "ten".');
    expect(() => parseFactor(["--factor", "0"])).toThrow(/but is "0"/);
    expect(() => parseFactor(["--factor", "2.5"])).toThrow(/but is "2.5"/);
  });
});

/** Every table seed:scale writes, with the condition that picks its synthetic rows. */
const TABLES: Record<string, string> = {
  "directory.community": `"provenance_kind" = 'SYNTHETIC'`,
  "partnerships.partnership": `"provenance_kind" = 'SYNTHETIC'`,
  "partnerships.status_change": `"changed_by" = '${SYNTHETIC_SOURCE}'`,
  "programs.program": `"provenance_kind" = 'SYNTHETIC'`,
  "programs.exchange": `"provenance_kind" = 'SYNTHETIC'`,
  "events.event": `"provenance_kind" = 'SYNTHETIC'`,
};

async function countRows(client: Client): Promise<Record<string, { total: number; synthetic: number }>> {
  const counts: Record<string, { total: number; synthetic: number }> = {};
  for (const [table, synthetic] of Object.entries(TABLES)) {
    const [row] = (await client.query(`SELECT count(*)::int AS total, (count(*) FILTER (WHERE ${synthetic}))::int AS synthetic FROM ${table}`)).rows;
    counts[table] = row;
  }
  return counts;
}

// The run's shared database (TEST_DATABASE_URL) holds exactly the real data, and other tests count on
// it (2,561 partnerships, 321 in Japan…): this test seeds a database of its own. Creating one needs a
// Postgres server, so it runs only with DATABASE_URL set (the embedded PGlite runs cannot start a second one in a test file).
const onRealPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onRealPostgres("seed:scale against a fresh, fully seeded database", () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await provisionTestDatabase();
    for (const owner of databaseOwners()) await owner.prepareDatabase(database.url, { seed: true, sample: true }, quiet);
    client = new Client({ connectionString: database.url });
    await client.connect();
  }, 300_000);

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  const seed = async (factor: number) => {
    const network = generateSyntheticNetwork(factor);
    const report: SyntheticImportReport = {};
    for (const { seedSynthetic } of syntheticSeeders()) Object.assign(report, await seedSynthetic(database.url, factor, quiet, network));
    return { network, report };
  };

  it("adds factor 2's rows on top of the real data, every one synthetic and consistent across subgraphs; a second run adds nothing", async () => {
    const before = await countRows(client);
    expect(Object.values(before).every((c) => c.synthetic === 0)).toBe(true);

    const { network, report } = await seed(2);
    expect(Object.keys(report).sort()).toEqual([...Object.keys(TABLES), "directory.country"].sort());
    expect(report["directory.country"]).toEqual({ rows: network.countries.length, added: 0 });
    expect(report["directory.community"]).toEqual({ rows: network.communities.length, added: network.communities.length });
    expect(report["partnerships.partnership"]).toEqual({ rows: network.partnerships.length, added: network.partnerships.length });
    expect(report["programs.program"]).toEqual({ rows: network.programs.length, added: network.programs.length });
    const after = await countRows(client);
    for (const table of Object.keys(TABLES)) {
      expect({ table, ...after[table] }).toEqual({ table, total: before[table].total + report[table].added, synthetic: report[table].added });
      expect(report[table].added).toBe(report[table].rows);
    }
    // Factor 2 is about the real data once more (the real import's rows are what `before` counted).
    expect(after["partnerships.partnership"].synthetic / before["partnerships.partnership"].total).toBeCloseTo(1, 1);
    expect(after["directory.community"].synthetic / before["directory.community"].total).toBeCloseTo(1, 1);
    expect(after["events.event"].synthetic).toBeGreaterThan(0.8 * before["events.event"].total);

    // Every reference between subgraphs' synthetic rows resolves (a test may read across schemas; the subgraphs never do).
    const dangling = await client.query(`
      SELECT 'partnership side' AS what, count(*)::int AS n FROM partnerships.partnership p
        WHERE p.provenance_kind = 'SYNTHETIC' AND (
          NOT EXISTS (SELECT 1 FROM directory.community c WHERE c.id = p.community_a_id AND c.country_code = p.community_a_country AND c.region_code IS NOT DISTINCT FROM p.community_a_region)
          OR NOT EXISTS (SELECT 1 FROM directory.community c WHERE c.id = p.community_b_id AND c.country_code = p.community_b_country))
      UNION ALL SELECT 'program partnership', count(*)::int FROM programs.program g
        WHERE g.provenance_kind = 'SYNTHETIC' AND NOT EXISTS (SELECT 1 FROM partnerships.partnership p WHERE p.id = g.partnership_id)
      UNION ALL SELECT 'event program or host', count(*)::int FROM events.event e
        WHERE e.provenance_kind = 'SYNTHETIC' AND (NOT EXISTS (SELECT 1 FROM programs.program g WHERE g.id = e.program_id)
          OR NOT EXISTS (SELECT 1 FROM directory.community c WHERE c.id = e.host_community_id AND c.country_code = e.host_country_code))`);
    expect(dangling.rows).toEqual([
      { what: "partnership side", n: 0 },
      { what: "program partnership", n: 0 },
      { what: "event program or host", n: 0 },
    ]);

    const again = await seed(2);
    expect(Object.values(again.report).map((r) => r.added)).toEqual(Object.values(again.report).map(() => 0));
    expect(await countRows(client)).toEqual(after);
  }, 300_000);
});
