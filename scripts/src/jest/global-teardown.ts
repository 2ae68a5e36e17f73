import type { TestDatabase } from "../test-database.js";

export default async function globalTeardown(): Promise<void> {
  const databases = (globalThis as { __scgTestDatabases?: TestDatabase[] }).__scgTestDatabases ?? [];
  await Promise.all(databases.map((database) => database.drop()));
}
