import "reflect-metadata";
import { defineSubgraph, serveWhenMain } from "@scg/shared";
import { createDirectoryClient } from "./clients/directory-client.js";
import { createPartnershipsClient } from "./clients/partnerships-client.js";
import { loadConfig, type ProgramsConfig } from "./config.js";
import { createContext } from "./context.js";
import { createProgramsDataSource, PROGRAMS_SCHEMA } from "./data-source.js";
import { buildProgramsSchema } from "./schema.js";

export { buildProgramsSchema, createProgramsDataSource, PROGRAMS_SCHEMA, loadConfig };
export type { ProgramsConfig };

/** Wiring only: config → data source → schema → server; migrations → import (seed code loaded only to seed). */
export const { startSubgraph, prepareDatabase, seedSynthetic } = defineSubgraph<ProgramsConfig, object>({
  name: "programs",
  schema: PROGRAMS_SCHEMA,
  createDataSource: createProgramsDataSource,
  buildSchema: buildProgramsSchema,
  createContext: (config) => createContext({ ...createPartnershipsClient(config), ...createDirectoryClient(config) }),
  importData: async (dataSource, log, options) => (await import("./seed/import-programs.js")).importPrograms(dataSource, log, options),
  importSynthetic: async (dataSource, network, log) => (await import("./seed/synthetic.js")).importSynthetic(dataSource, network, log),
});

serveWhenMain(module, () => startSubgraph(loadConfig()));
