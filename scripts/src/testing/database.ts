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

/** Runs one statement against the run's database and returns its rows (test set-up, clean-up and checks). */
export async function queryRows<Row = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<Row[]> {
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** Runs one statement against the run's database (test clean-up). */
export async function execute(sql: string, parameters: unknown[] = []): Promise<void> {
  await queryRows(sql, parameters);
}
