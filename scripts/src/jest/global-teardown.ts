import type { TestDatabase } from "../test-database.js";

export default async function globalTeardown(): Promise<void> {
  const database = (globalThis as { __scgTestDatabase?: TestDatabase }).__scgTestDatabase;
  await database?.drop();
}
