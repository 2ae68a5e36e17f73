import "reflect-metadata";
import { defineSubgraph, serveWhenMain } from "@scg/shared";
import { createDirectoryClient } from "./clients/directory-client.js";
import { loadConfig, type PartnershipsConfig } from "./config.js";
import { createContext } from "./context.js";
import { createPartnershipsDataSource, PARTNERSHIPS_SCHEMA } from "./data-source.js";
import { buildPartnershipsSchema } from "./schema.js";

export { buildPartnershipsSchema, createPartnershipsDataSource, PARTNERSHIPS_SCHEMA, loadConfig };
export type { PartnershipsConfig };
export { STATUS_TRANSITIONS } from "./domain/status-transitions.js";

/** Wiring only: config → data source → schema → server; migrations → import (seed code loaded only to seed). */
export const { startSubgraph, prepareDatabase, seedSynthetic } = defineSubgraph<PartnershipsConfig, object>({
  name: "partnerships",
  schema: PARTNERSHIPS_SCHEMA,
  createDataSource: createPartnershipsDataSource,
  buildSchema: buildPartnershipsSchema,
  createContext: (config) => createContext(createDirectoryClient(config)),
  importData: async (dataSource, log) => (await import("./seed/import-partnerships.js")).importPartnerships(dataSource, log),
  importSynthetic: async (dataSource, network, log) => (await import("./seed/synthetic.js")).importSynthetic(dataSource, network, log),
});

serveWhenMain(module, () => startSubgraph(loadConfig()));
