import "reflect-metadata";
import { createLogger, migrate, startSubgraphServer, type QueryCounter, type RunningSubgraph } from "@scg/shared";
import { loadConfig, type PartnershipsConfig } from "./config.js";
import { createContext } from "./context.js";
import { createPartnershipsDataSource, PARTNERSHIPS_SCHEMA } from "./data-source.js";
import { buildPartnershipsSchema } from "./schema.js";
import { importPartnerships } from "./seed/import-partnerships.js";

export { buildPartnershipsSchema, createPartnershipsDataSource, PARTNERSHIPS_SCHEMA, importPartnerships, loadConfig };
export { STATUS_TRANSITIONS } from "./domain/status-transitions.js";
export { seedSynthetic } from "./seed/synthetic.js";

/** Wiring only: config → data source → schema → server. */
export async function startSubgraph(config: PartnershipsConfig): Promise<RunningSubgraph & { queries: QueryCounter }> {
  const log = createLogger("partnerships", config.logLevel);
  const { dataSource, queries } = createPartnershipsDataSource(config.databaseUrl, { poolSize: config.databasePoolSize, log });
  await dataSource.initialize();
  const { schema } = await buildPartnershipsSchema();
  const directory = { url: config.subgraphUrls.directory, internalSecret: config.internalSecret, timeoutMs: config.subgraphTimeoutMs };
  const server = await startSubgraphServer({ schema, config, log, createContext: createContext(dataSource, directory) });
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
export async function prepareDatabase(databaseUrl: string, { seed }: { seed: boolean }, log = createLogger("partnerships")) {
  const { dataSource } = createPartnershipsDataSource(databaseUrl, { poolSize: 2, log });
  await dataSource.initialize();
  try {
    const applied = await migrate(dataSource, PARTNERSHIPS_SCHEMA);
    if (applied.length) log.info({ applied }, "partnerships: migrations applied");
    if (seed) return await importPartnerships(dataSource, log);
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
