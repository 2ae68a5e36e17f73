import { execFileSync } from "node:child_process";
import { join } from "node:path";

/**
 * Runs once before every test file: provisions the run's databases (fresh ones on the server
 * in DATABASE_URL, or embedded PGlite), then migrates and seeds every subgraph with the real
 * importers, exactly as `npm run db:seed -- --sample` (TEST_DATABASE_URL) and, in production,
 * `npm run db:seed` (TEST_PRODUCTION_DATABASE_URL) would. PGlite must live here, not in a test
 * file (STACK.md, pitfall 10).
 *
 * Jest's module mapping does not apply to global setup, so this runs the compiled code
 * (scripts/build-js.mjs compiles only what changed; it takes well under a second).
 */
export default async function globalSetup(): Promise<void> {
  const root = join(__dirname, "..", "..", "..");
  execFileSync(process.execPath, [join(root, "scripts", "build-js.mjs")], { stdio: "inherit" });
  execFileSync(process.execPath, [join(root, "scripts", "build-web.mjs")], { stdio: "inherit" });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { setUpTestDatabases } = require(join(root, "scripts", "dist", "jest", "test-database-setup.js"));
  const { development, production } = await setUpTestDatabases();
  (globalThis as { __scgTestDatabases?: unknown }).__scgTestDatabases = [development, production];
  process.env.TEST_DATABASE_URL = development.url;
  process.env.TEST_DATABASE_KIND = development.kind;
  process.env.TEST_PRODUCTION_DATABASE_URL = production.url;
}
