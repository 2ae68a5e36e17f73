import type { DataSource, Logger as TypeOrmLogger } from "typeorm";
import type { ServiceConfig } from "../config/service-config.js";
import { migrate, type DataSourceSettings } from "../db/create-data-source.js";
import { requestDataSource } from "../db/read-routing.js";
import type { SyntheticImportReport, SyntheticNetwork } from "../data/synthetic-network.js";
import type { SubgraphSchema } from "../federation/build-subgraph-schema.js";
import { createLogger, type Logger } from "../logging/logger.js";
import { SubgraphMetrics, type PoolCounts } from "../observability/subgraph-metrics.js";
import { flushTraces, startTracing } from "../observability/tracing.js";
import { mutationsReadFromPrimary } from "./mutations-read-from-primary.js";
import { startSubgraphServer, type RequestScope, type RunningSubgraph } from "./start-subgraph.js";

/** What a subgraph's context is built from, per request. */
export interface SubgraphScope extends RequestScope {
  /**
   * The data source this request reads and writes through (never the process-wide one: see
   * db/read-routing.ts). With a read replica, the gateway's queries read from the replica; a
   * request from another subgraph (the check of a write there) and, from its first mutation field
   * on, a request that runs a mutation read from the primary. Writes always go to the primary.
   */
  dataSource: DataSource;
}

/** What makes one subgraph: everything else about starting, migrating and seeding it is the same for all. */
export interface SubgraphDefinition<Config extends ServiceConfig, Context extends object> {
  name: string;
  /** Its Postgres schema (tables and migrations table). */
  schema: string;
  createDataSource(url: string, options: DataSourceSettings): DataSource;
  buildSchema(): Promise<SubgraphSchema>;
  /**
   * The per-request context factory (new loaders each request), given the config. Each request's
   * scope carries the data source it must use (SubgraphScope.dataSource), so the factory keeps none.
   */
  createContext(config: Config): (scope: SubgraphScope) => Context;
  /**
   * The idempotent importer `prepareDatabase(…, { seed: true })` runs after the migrations: the real
   * data always, the generated sample only when `sample` is true (the development profile). Write it
   * as a dynamic import (`async (…) => (await import("./seed/…")).importX(…)`), so a running service
   * never loads the seed data.
   */
  importData(dataSource: DataSource, log: Logger, options: SeedOptions): Promise<unknown>;
  /** `npm run seed:scale`: writes this subgraph's part of the synthetic network (idempotent), also loaded lazily. */
  importSynthetic?(dataSource: DataSource, network: SyntheticNetwork, log: Logger): Promise<SyntheticImportReport>;
}

/** When prepareDatabase imports: always (true), never (false), or only when it applied a migration. */
export type SeedWhen = boolean | "after-migrations";

/** What a seed writes: real records always; generated SAMPLE records only when asked (never in production). */
export interface SeedOptions {
  sample: boolean;
}

export interface StartOptions<Q extends TypeOrmLogger | undefined> {
  /** Receives every SQL statement (tests pass a QueryCounter from @scg/shared/testing). */
  queryLogger?: Q;
  /** Where the service logs (tests read the lines); by default its own logger at LOG_LEVEL. */
  log?: Logger;
}

export type RunningService<Q = undefined> = RunningSubgraph & { queries: Q };

/**
 * Turns a definition into the entry points every subgraph exports (and the runner, the composer
 * and the test setup rely on): `startSubgraph(config)` — data source, schema, server —,
 * `prepareDatabase(url, { seed })` — migrations, then the import — and, where the subgraph has
 * scale data, `seedSynthetic(url, factor)`.
 */
export function defineSubgraph<Config extends ServiceConfig, Context extends object>(definition: SubgraphDefinition<Config, Context>) {
  /** Opens a small data source of its own on the primary (migrations and imports never use a replica), runs `work`, and always closes it. */
  async function withDataSource<T>(url: string, log: Logger, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
    const dataSource = definition.createDataSource(url, { poolSize: 2, log });
    await dataSource.initialize();
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }

  return {
    async startSubgraph<Q extends TypeOrmLogger | undefined = undefined>(config: Config, options: StartOptions<Q> = {}): Promise<RunningService<Q>> {
      const log = options.log ?? createLogger(definition.name, config.logLevel, config.profile);
      await startTracing({ serviceName: definition.name, exporter: config.telemetry.traceExporter });
      const dataSource = definition.createDataSource(config.databaseUrl, {
        readUrl: config.databaseReadUrl,
        poolSize: config.databasePoolSize,
        log,
        queryLogger: options.queryLogger,
      });
      await dataSource.initialize();
      try {
        const { schema } = await definition.buildSchema();
        const metrics = new SubgraphMetrics(definition.name, () => poolsOf(dataSource));
        const contextOf = definition.createContext(config);
        const server = await startSubgraphServer({
          schema: mutationsReadFromPrimary(schema),
          config,
          log,
          metrics,
          // Only the gateway's requests may read from the replica: another subgraph asks while it
          // checks a write of its own (programs: is this partnership ACTIVE, just after it was signed?).
          createContext: (scope) => contextOf({ ...scope, dataSource: requestDataSource(dataSource, scope.caller === "gateway" ? "replica" : "primary") }),
        });
        return {
          ...server,
          queries: options.queryLogger as Q,
          async stop() {
            await server.stop();
            await dataSource.destroy();
            await flushTraces();
          },
        };
      } catch (error) {
        await dataSource.destroy();
        throw error;
      }
    },

    /**
     * `seed`: true imports; "after-migrations" imports only when a migration was applied now (a new
     * column the import fills, on a database seeded by an older version); false never does.
     */
    prepareDatabase(
      databaseUrl: string,
      { seed, sample = false }: { seed: SeedWhen; sample?: boolean },
      log: Logger = createLogger(definition.name),
    ): Promise<unknown> {
      return withDataSource(databaseUrl, log, async (dataSource) => {
        const applied = await migrate(dataSource, definition.schema);
        if (applied.length) log.info({ applied }, `${definition.name}: migrations applied`);
        const importNow = seed === true || (seed === "after-migrations" && applied.length > 0);
        return importNow ? await definition.importData(dataSource, log, { sample }) : null;
      });
    },

    seedSynthetic: definition.importSynthetic
      ? async (databaseUrl: string, factor: number, log: Logger = createLogger(definition.name), network?: SyntheticNetwork): Promise<SyntheticImportReport> => {
          const { generateSyntheticNetwork } = await import("../data/synthetic-network.js");
          const synthetic = network ?? generateSyntheticNetwork(factor);
          if (synthetic.factor !== factor) throw new RangeError(`The network was generated for factor ${synthetic.factor}, not ${factor}.`);
          return withDataSource(databaseUrl, log, (dataSource) => definition.importSynthetic!(dataSource, synthetic, log));
        }
      : undefined,
  };
}

/** node-postgres's pools behind a TypeORM data source, primary and (with one) replica; their counts are read when metrics are scraped. */
function poolsOf(dataSource: DataSource): Record<string, PoolCounts> {
  const { master, slaves = [] } = dataSource.driver as unknown as { master?: PoolCounts; slaves?: PoolCounts[] };
  return { ...(master ? { primary: master } : {}), ...(slaves[0] ? { replica: slaves[0] } : {}) };
}

/**
 * Runs a service when its module is the process's entry point (`node dist/index.js`), and stops
 * it cleanly on Ctrl-C or SIGTERM. Importing the module (tests, the runner) starts nothing.
 */
export function serveWhenMain(entry: NodeJS.Module, start: () => Promise<{ stop(): Promise<void> }>): void {
  if (require.main !== entry) return;
  start().then(
    (service) => {
      const stop = () => service.stop().then(() => process.exit(0), () => process.exit(1));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
