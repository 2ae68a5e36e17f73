import "reflect-metadata";
import { DataSource, type EntitySchema, type Logger as TypeOrmLogger, type MixedList } from "typeorm";
import type { Logger } from "../logging/logger.js";
import { ServiceQueryLogger } from "./service-query-logger.js";

export interface DataSourceOptions {
  url: string;
  /** The Postgres schema that holds this subgraph's tables (and its migrations table). */
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
  log?: Logger;
  /** Receives every statement (tests count them); by default failures, slow statements and migrations go to `log`. */
  queryLogger?: TypeOrmLogger;
}


/** What a caller may choose about a service's data source (the service fixes the rest). */
export type DataSourceSettings = Pick<DataSourceOptions, "poolSize" | "log" | "queryLogger">;

/**
 * The data source of one subgraph: Postgres at `url` (a real server, or the embedded PGlite
 * served on a local port — the same driver either way), tables in the subgraph's own schema.
 * Schema changes only ever come from migrations (`synchronize` is off).
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
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
    logger: options.queryLogger ?? new ServiceQueryLogger(options.log),
    maxQueryExecutionTime: 1000,
    // Waiting longer than connectionTimeoutMillis for a connection is an outage (SERVICE_UNAVAILABLE), not a queue.
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000, application_name: `scg-${options.schema}` },
  });
}

/** Creates the subgraph's schema if needed and applies every pending migration. Idempotent. */
export async function migrate(dataSource: DataSource, schema: string): Promise<string[]> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name "${schema}".`);
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const applied = await dataSource.runMigrations({ transaction: "each" });
  return applied.map((migration) => migration.name);
}
