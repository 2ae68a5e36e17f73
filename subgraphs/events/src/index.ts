import "reflect-metadata";
import { defineSubgraph, serveWhenMain } from "@scg/shared";
import { createDirectoryClient } from "./clients/directory-client.js";
import { createProgramsClient } from "./clients/programs-client.js";
import { loadConfig, type EventsConfig } from "./config.js";
import { createContext } from "./context.js";
import { createEventsDataSource, EVENTS_SCHEMA } from "./data-source.js";
import { buildEventsSchema } from "./schema.js";
import { importEvents } from "./seed/import-events.js";

export { buildEventsSchema, createEventsDataSource, EVENTS_SCHEMA, importEvents, loadConfig };
export type { EventsConfig };
export { seedSynthetic } from "./seed/synthetic.js";

/** Wiring only: config → data source → schema → server; migrations → import. */
export const { startSubgraph, prepareDatabase } = defineSubgraph<EventsConfig, object>({
  name: "events",
  schema: EVENTS_SCHEMA,
  createDataSource: createEventsDataSource,
  buildSchema: buildEventsSchema,
  createContext: (dataSource, config) => createContext(dataSource, createDirectoryClient(config), createProgramsClient(config)),
  importData: importEvents,
});

serveWhenMain(module, () => startSubgraph(loadConfig()));
