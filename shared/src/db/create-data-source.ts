import "reflect-metadata";
import { DataSource, type DataSourceOptions as TypeOrmOptions, type EntitySchema, type Logger as TypeOrmLogger, type MixedList } from "typeorm";
import type { Logger } from "../logging/logger.js";
import { ServiceQueryLogger } from "./service-query-logger.js";

export interface DataSourceOptions {
  /** The primary: every write, transaction and migration runs here. */
  url: string;
  /**
   * A streaming replica of `url` (DATABASE_READ_URL), or none. With one, TypeORM's replication keeps
   * a pool on each server: SELECTs built by repositories and query builders run on the replica unless
   * the request reads from the primary (see read-routing.ts); transactions, writes and raw `query()`
   * always run on the primary. Migrations and seeds never get one (`prepareDatabase` opens the primary only).
   */
  readUrl?: string | null;
  /** The Postgres schema that holds this subgraph's tables (and its migrations table). */
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  /** Connections in all (DATABASE_POOL_SIZE); with a replica, split between the two servers (see splitPoolSize). */
  poolSize?: number;
  log?: Logger;
  /** Receives every statement (tests count them); by default failures, slow statements and migrations go to `log`. */
  queryLogger?: TypeOrmLogger;
}

type PostgresOptions = Extract<TypeOrmOptions, { type: "postgres" }>;

/** What a caller may choose about a service's data source (the service fixes the rest). */
export type DataSourceSettings = Pick<DataSourceOptions, "readUrl" | "poolSize" | "log" | "queryLogger">;

/**
 * How a subgraph's connections are shared between primary and replica: without a replica, all on
 * the primary; with one, a quarter (rounded, at least one) on the primary, which then serves only
 * writes and the reads around them, and the rest (at least one) on the replica, which serves the
 * traffic. So adding a replica never raises either server's connection count (except from a total
 * of 1, which needs one connection on each).
 */
export function splitPoolSize(total: number, replicated: boolean): { primary: number; replica: number } {
  if (!replicated) return { primary: total, replica: 0 };
  const primary = Math.max(1, Math.round(total / 4));
  return { primary, replica: Math.max(1, total - primary) };
}

/**
 * The data source of one subgraph: Postgres at `url` (a real server, or the embedded PGlite
 * served on a local port — the same driver either way), tables in the subgraph's own schema,
 * and with `readUrl` a streaming replica that serves reads. Schema changes only ever come from
 * migrations (`synchronize` is off).
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  const replicated = Boolean(options.readUrl);
  const pools = splitPoolSize(options.poolSize ?? 10, replicated);
  const settings: PostgresOptions = {
    type: "postgres",
    ...(replicated ? { replication: { master: { url: options.url }, slaves: [{ url: options.readUrl! }] } } : { url: options.url }),
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
    // With a replica, TypeORM gives both pools these options; ReplicatedDataSource narrows the primary's.
    extra: { max: replicated ? pools.replica : pools.primary, connectionTimeoutMillis: 10_000, application_name: `scg-${options.schema}` },
  };
  return replicated ? new ReplicatedDataSource(settings, pools.primary) : new DataSource(settings);
}

/**
 * A data source with a pool on the primary and one on the replica, each its own size. TypeORM
 * builds every pool from the same options, so the primary's is narrowed to its share once it
 * exists (node-postgres's Pool reads `options.max` whenever it decides whether to open a connection).
 */
class ReplicatedDataSource extends DataSource {
  constructor(
    options: PostgresOptions,
    private readonly primaryPoolSize: number,
  ) {
    super(options);
  }

  override async initialize(): Promise<this> {
    await super.initialize();
    (this.driver as unknown as { master: { options: { max: number } } }).master.options.max = this.primaryPoolSize;
    return this;
  }
}

/** Creates the subgraph's schema if needed and applies every pending migration. Idempotent. */
export async function migrate(dataSource: DataSource, schema: string): Promise<string[]> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name "${schema}".`);
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const applied = await dataSource.runMigrations({ transaction: "each" });
  return applied.map((migration) => migration.name);
}
