import "reflect-metadata";
import { createLogger, migrate, startSubgraphServer, type QueryCounter, type RunningSubgraph } from "@scg/shared";
import { createDirectoryLookup } from "./clients/directory-lookup.js";
import { createProgramLookup } from "./clients/program-lookup.js";
import { loadConfig, type EventsConfig } from "./config.js";
import { createContext } from "./context.js";
import { createEventsDataSource, EVENTS_SCHEMA } from "./data-source.js";
import { buildEventsSchema } from "./schema.js";
import { importEvents } from "./seed/import-events.js";

export { buildEventsSchema, createEventsDataSource, EVENTS_SCHEMA, importEvents, loadConfig };
export type { EventsConfig };
export { seedSynthetic } from "./seed/synthetic.js";

/** Wiring only: config → data source → schema → server. */
export async function startSubgraph(config: EventsConfig): Promise<RunningSubgraph & { queries: QueryCounter }> {
  const log = createLogger("events", config.logLevel);
  const { dataSource, queries } = createEventsDataSource(config.databaseUrl, { poolSize: config.databasePoolSize, log });
  await dataSource.initialize();
  const { schema } = await buildEventsSchema();
  const server = await startSubgraphServer({
    schema,
    config,
    log,
    createContext: createContext(dataSource, createDirectoryLookup(config), createProgramLookup(config)),
  });
  return {
    ...server,
    queries,
    async stop() {
      await server.stop();
      await dataSource.destroy();
    },
  };
}

/** `migrate` and `seed` for this subgraph's own database schema. */
export async function prepareDatabase(databaseUrl: string, { seed }: { seed: boolean }, log = createLogger("events")) {
  const { dataSource } = createEventsDataSource(databaseUrl, { poolSize: 2, log });
  await dataSource.initialize();
  try {
    const applied = await migrate(dataSource, EVENTS_SCHEMA);
    if (applied.length) log.info({ applied }, "events: migrations applied");
    if (seed) return await importEvents(dataSource, log);
    return null;
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  const config = loadConfig();
  startSubgraph(config).then(
    (server) => {
      const stop = () => server.stop().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
