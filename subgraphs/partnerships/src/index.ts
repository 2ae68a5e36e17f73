import "reflect-metadata";
import { defineSubgraph, serveWhenMain } from "@scg/shared";
import { loadConfig, type PartnershipsConfig } from "./config.js";
import { createDirectoryClient } from "./clients/directory-client.js";
import { createContext } from "./context.js";
import { createPartnershipsDataSource, PARTNERSHIPS_SCHEMA } from "./data-source.js";
import { buildPartnershipsSchema } from "./schema.js";
import { importPartnerships } from "./seed/import-partnerships.js";

export { buildPartnershipsSchema, createPartnershipsDataSource, PARTNERSHIPS_SCHEMA, importPartnerships, loadConfig };
export type { PartnershipsConfig };
export { STATUS_TRANSITIONS } from "./domain/status-transitions.js";
export { seedSynthetic } from "./seed/synthetic.js";

/** Wiring only: config → data source → schema → server; migrations → import. */
export const { startSubgraph, prepareDatabase } = defineSubgraph<PartnershipsConfig, object>({
  name: "partnerships",
  schema: PARTNERSHIPS_SCHEMA,
  createDataSource: createPartnershipsDataSource,
  buildSchema: buildPartnershipsSchema,
  createContext: (dataSource, config) => createContext(dataSource, createDirectoryClient(config)),
  importData: importPartnerships,
});

serveWhenMain(module, () => startSubgraph(loadConfig()));
