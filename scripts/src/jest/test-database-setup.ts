import { createLogger } from "@scg/shared";
import { databaseOwners } from "../subgraph-registry.js";
import { provisionTestDatabase, type TestDatabase } from "../test-database.js";

/**
 * The run's two databases, migrated and seeded by the real importers:
 * - `development`: the real data and the generated sample (as `npm start` seeds in development);
 *   most tests run against it;
 * - `production`: the real data only (as `npm run db:seed` seeds in production), for the tests
 *   that prove production serves nothing but real records.
 */
export async function setUpTestDatabases(): Promise<{ development: TestDatabase; production: TestDatabase }> {
  const quiet = createLogger("test-setup", "silent");
  const provisioned: TestDatabase[] = [];
  const seeded = async (sample: boolean) => {
    const database = await provisionTestDatabase();
    provisioned.push(database);
    for (const owner of databaseOwners()) await owner.prepareDatabase(database.url, { seed: true, sample }, quiet);
    return database;
  };
  try {
    const [development, production] = await Promise.all([seeded(true), seeded(false)]);
    return { development, production };
  } catch (error) {
    await Promise.all(provisioned.map((database) => database.drop()));
    throw error;
  }
}
