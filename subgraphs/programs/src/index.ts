import "reflect-metadata";
import { createLogger, migrate, startSubgraphServer, type QueryCounter, type RunningSubgraph } from "@scg/shared";
import { loadConfig, type ProgramsConfig } from "./config.js";
import { createContext } from "./context.js";
import { createProgramsDataSource, PROGRAMS_SCHEMA } from "./data-source.js";
import { createRemoteChecks } from "./domain/remote-checks.js";
import { buildProgramsSchema } from "./schema.js";
import { importPrograms } from "./seed/import-programs.js";

export { buildProgramsSchema, createProgramsDataSource, PROGRAMS_SCHEMA, importPrograms, loadConfig };
export { seedSynthetic } from "./seed/synthetic.js";

/** Wiring only: config → data source → schema → server. */
export async function startSubgraph(config: ProgramsConfig): Promise<RunningSubgraph & { queries: QueryCounter }> {
  const log = createLogger("programs", config.logLevel);
  const { dataSource, queries } = createProgramsDataSource(config.databaseUrl, { poolSize: config.databasePoolSize, log });
  await dataSource.initialize();
  const { schema } = await buildProgramsSchema();
  const server = await startSubgraphServer({ schema, config, log, createContext: createContext(dataSource, createRemoteChecks(config)) });
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
export async function prepareDatabase(databaseUrl: string, { seed }: { seed: boolean }, log = createLogger("programs")) {
  const { dataSource } = createProgramsDataSource(databaseUrl, { poolSize: 2, log });
  await dataSource.initialize();
  try {
    const applied = await migrate(dataSource, PROGRAMS_SCHEMA);
    if (applied.length) log.info({ applied }, "programs: migrations applied");
    if (seed) return await importPrograms(dataSource, log);
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
