import "reflect-metadata";
import { createLogger, migrate, startSubgraphServer, type RunningSubgraph } from "@scg/shared";
import { loadConfig, type DirectoryConfig } from "./config.js";
import { createContext } from "./context.js";
import { createDirectoryDataSource, DIRECTORY_SCHEMA } from "./data-source.js";
import { buildDirectorySchema } from "./schema.js";
import { importDirectory } from "./seed/import-directory.js";

export { buildDirectorySchema, createDirectoryDataSource, DIRECTORY_SCHEMA, importDirectory, loadConfig };
export { seedSynthetic } from "./seed/synthetic.js";

/** Wiring only: config → data source → schema → server. */
export async function startSubgraph(config: DirectoryConfig): Promise<RunningSubgraph & { queries: import("@scg/shared").QueryCounter }> {
  const log = createLogger("directory", config.logLevel);
  const { dataSource, queries } = createDirectoryDataSource(config.databaseUrl, { poolSize: config.databasePoolSize, log });
  await dataSource.initialize();
  const { schema } = await buildDirectorySchema();
  const server = await startSubgraphServer({ schema, config, log, createContext: createContext(dataSource) });
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
export async function prepareDatabase(databaseUrl: string, { seed }: { seed: boolean }, log = createLogger("directory")) {
  const { dataSource } = createDirectoryDataSource(databaseUrl, { poolSize: 2, log });
  await dataSource.initialize();
  try {
    const applied = await migrate(dataSource, DIRECTORY_SCHEMA);
    if (applied.length) log.info({ applied }, "directory: migrations applied");
    if (seed) return await importDirectory(dataSource, log);
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
