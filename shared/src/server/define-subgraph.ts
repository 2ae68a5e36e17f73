import type { DataSource } from "typeorm";
import type { ServiceConfig } from "../config/service-config.js";
import { migrate } from "../db/create-data-source.js";
import type { SubgraphDataSource } from "../db/create-data-source.js";
import type { QueryCounter } from "../db/query-counter.js";
import type { SubgraphSchema } from "../federation/build-subgraph-schema.js";
import { createLogger, type Logger } from "../logging/logger.js";
import { startSubgraphServer, type RequestScope, type RunningSubgraph } from "./start-subgraph.js";

/** What makes one subgraph: everything else about starting and migrating it is the same for all. */
export interface SubgraphDefinition<Config extends ServiceConfig, Context extends object> {
  name: string;
  /** Its Postgres schema (tables and migrations table). */
  schema: string;
  createDataSource(url: string, options: { poolSize?: number; log?: Logger }): SubgraphDataSource;
  buildSchema(): Promise<SubgraphSchema>;
  /** The per-request context factory (new loaders each request), given the data source and config. */
  createContext(dataSource: DataSource, config: Config): (scope: RequestScope) => Context;
  /** The idempotent importer `prepareDatabase(…, { seed: true })` runs after the migrations. */
  importData(dataSource: DataSource, log: Logger): Promise<unknown>;
}

export interface RunningService extends RunningSubgraph {
  /** Every SQL statement the subgraph sent (tests assert batching with it). */
  queries: QueryCounter;
}

/**
 * Turns a definition into the two entry points every subgraph exports (and the runner, the
 * composer and the test setup rely on): `startSubgraph(config)` — data source, schema, server —
 * and `prepareDatabase(url, { seed })` — migrations, then the import.
 */
export function defineSubgraph<Config extends ServiceConfig, Context extends object>(definition: SubgraphDefinition<Config, Context>) {
  return {
    async startSubgraph(config: Config): Promise<RunningService> {
      const log = createLogger(definition.name, config.logLevel);
      const { dataSource, queries } = definition.createDataSource(config.databaseUrl, { poolSize: config.databasePoolSize, log });
      await dataSource.initialize();
      try {
        const { schema } = await definition.buildSchema();
        const server = await startSubgraphServer({ schema, config, log, createContext: definition.createContext(dataSource, config) });
        return {
          ...server,
          queries,
          async stop() {
            await server.stop();
            await dataSource.destroy();
          },
        };
      } catch (error) {
        await dataSource.destroy();
        throw error;
      }
    },

    async prepareDatabase(databaseUrl: string, { seed }: { seed: boolean }, log: Logger = createLogger(definition.name)): Promise<unknown> {
      const { dataSource } = definition.createDataSource(databaseUrl, { poolSize: 2, log });
      await dataSource.initialize();
      try {
        const applied = await migrate(dataSource, definition.schema);
        if (applied.length) log.info({ applied }, `${definition.name}: migrations applied`);
        return seed ? await definition.importData(dataSource, log) : null;
      } finally {
        await dataSource.destroy();
      }
    },
  };
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
