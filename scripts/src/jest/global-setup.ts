import { execFileSync } from "node:child_process";
import { join } from "node:path";

/**
 * Runs once before every test file: provisions the run's database (a fresh one on the server
 * in DATABASE_URL, or embedded PGlite), then migrates and seeds every subgraph with the real
 * importers, exactly as `npm run db:migrate && npm run db:seed` would. Test files read
 * TEST_DATABASE_URL; PGlite must live here, not in a test file (STACK.md, pitfall 10).
 *
 * Jest's module mapping does not apply to global setup, so this runs the compiled code
 * (scripts/build-js.mjs compiles only what changed; it takes well under a second).
 */
export default async function globalSetup(): Promise<void> {
  const root = join(__dirname, "..", "..", "..");
  execFileSync(process.execPath, [join(root, "scripts", "build-js.mjs")], { stdio: "inherit" });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { setUpTestDatabase } = require(join(root, "scripts", "dist", "jest", "test-database-setup.js"));
  const database = await setUpTestDatabase();
  (globalThis as { __scgTestDatabase?: unknown }).__scgTestDatabase = database;
  process.env.TEST_DATABASE_URL = database.url;
  process.env.TEST_DATABASE_KIND = database.kind;
}
