import { Client } from "pg";

/** Counts rows of a table of the run's database (to prove a refused write changed nothing). */
export async function countRows(table: string): Promise<number> {
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** Runs one statement against the run's database (test clean-up). */
export async function execute(sql: string, parameters: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql, parameters);
  } finally {
    await client.end();
  }
}
