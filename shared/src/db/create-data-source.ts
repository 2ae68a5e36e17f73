import "reflect-metadata";
import { DataSource, type MixedList, type EntitySchema } from "typeorm";
import { QueryCounter } from "./query-counter.js";
import type { Logger } from "../logging/logger.js";

export interface DataSourceOptions {
  url: string;
  /** The Postgres schema that holds this subgraph's tables (and its migrations table). */
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
  log?: Logger;
}

export interface SubgraphDataSource {
  dataSource: DataSource;
  queries: QueryCounter;
}

/**
 * The data source of one subgraph: Postgres at `url` (a real server, or the embedded PGlite
 * served on a local port — the same driver either way), tables in the subgraph's own schema.
 * Schema changes only ever come from migrations (`synchronize` is off).
 */
export function createDataSource(options: DataSourceOptions): SubgraphDataSource {
  const queries = new QueryCounter(options.log);
  const dataSource = new DataSource({
    type: "postgres",
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: "migrations",
    migrationsTransactionMode: "each",
    synchronize: false,
    migrationsRun: false,
    // PGlite lacks uuid-ossp and a real server needs superuser for it; gen_random_uuid() is core.
    uuidExtension: "pgcrypto",
    installExtensions: false,
    logging: ["error", "warn", "migration"],
    logger: queries,
    maxQueryExecutionTime: 1000,
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000, application_name: `scg-${options.schema}` },
  });
  return { dataSource, queries };
}

/** Creates the subgraph's schema if needed and applies every pending migration. Idempotent. */
export async function migrate(dataSource: DataSource, schema: string): Promise<string[]> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name "${schema}".`);
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const applied = await dataSource.runMigrations({ transaction: "each" });
  return applied.map((migration) => migration.name);
}
