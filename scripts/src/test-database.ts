import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { startEmbeddedPostgres } from "@scg/shared/embedded";

export interface TestDatabase {
  url: string;
  /** "postgres" when DATABASE_URL pointed at a server, "embedded" for PGlite. */
  kind: "postgres" | "embedded";
  drop(): Promise<void>;
}

/**
 * A database for one test run: with DATABASE_URL set, a fresh database on that server
 * (dropped afterwards), so runs never see each other's rows; without it, an in-memory
 * embedded PGlite served on a free local port.
 */
export async function provisionTestDatabase(serverUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ port: 0, maxConnections: 200 });
    return { url: embedded.url, kind: "embedded", drop: () => embedded.stop() };
  }
  const name = `scg_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: "postgres",
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
