import "reflect-metadata";
import { defineSubgraph, serveWhenMain } from "@scg/shared";
import { createDirectoryClient } from "./clients/directory-client.js";
import { createProgramsClient } from "./clients/programs-client.js";
import { loadConfig, type EventsConfig } from "./config.js";
import { createContext } from "./context.js";
import { createEventsDataSource, EVENTS_SCHEMA } from "./data-source.js";
import { buildEventsSchema } from "./schema.js";

export { buildEventsSchema, createEventsDataSource, EVENTS_SCHEMA, loadConfig };
export type { EventsConfig };

/** Wiring only: config → data source → schema → server; migrations → import (seed code loaded only to seed). */
export const { startSubgraph, prepareDatabase, seedSynthetic } = defineSubgraph<EventsConfig, object>({
  name: "events",
  schema: EVENTS_SCHEMA,
  createDataSource: createEventsDataSource,
  buildSchema: buildEventsSchema,
  createContext: (config) => createContext(createDirectoryClient(config), createProgramsClient(config)),
  importData: async (dataSource, log, options) => (await import("./seed/import-events.js")).importEvents(dataSource, log, options),
  importSynthetic: async (dataSource, network, log) => (await import("./seed/synthetic.js")).importSynthetic(dataSource, network, log),
});

serveWhenMain(module, () => startSubgraph(loadConfig()));
