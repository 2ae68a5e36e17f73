import "reflect-metadata";
import { defineSubgraph, serveWhenMain } from "@scg/shared";
import { loadConfig, type ProgramsConfig } from "./config.js";
import { createContext } from "./context.js";
import { createProgramsDataSource, PROGRAMS_SCHEMA } from "./data-source.js";
import { createDirectoryClient } from "./clients/directory-client.js";
import { createPartnershipsClient } from "./clients/partnerships-client.js";
import { buildProgramsSchema } from "./schema.js";
import { importPrograms } from "./seed/import-programs.js";

export { buildProgramsSchema, createProgramsDataSource, PROGRAMS_SCHEMA, importPrograms, loadConfig };
export type { ProgramsConfig };
export { seedSynthetic } from "./seed/synthetic.js";

/** Wiring only: config → data source → schema → server; migrations → import. */
export const { startSubgraph, prepareDatabase } = defineSubgraph<ProgramsConfig, object>({
  name: "programs",
  schema: PROGRAMS_SCHEMA,
  createDataSource: createProgramsDataSource,
  buildSchema: buildProgramsSchema,
  createContext: (dataSource, config) => createContext(dataSource, { ...createPartnershipsClient(config), ...createDirectoryClient(config) }),
  importData: importPrograms,
});

serveWhenMain(module, () => startSubgraph(loadConfig()));
