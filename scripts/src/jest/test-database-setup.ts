import { createLogger } from "@scg/shared";
import { databaseOwners } from "../subgraph-registry.js";
import { provisionTestDatabase, type TestDatabase } from "../test-database.js";

/** Provisions the run's database and migrates and seeds every subgraph into it. */
export async function setUpTestDatabase(): Promise<TestDatabase> {
  const database = await provisionTestDatabase();
  const quiet = createLogger("test-setup", "silent");
  try {
    for (const owner of databaseOwners()) {
      await owner.prepareDatabase(database.url, { seed: true }, quiet);
    }
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}
