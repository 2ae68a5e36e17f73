import "reflect-metadata";
import { defineSubgraph, serveWhenMain } from "@scg/shared";
import { loadConfig, type DirectoryConfig } from "./config.js";
import { createContext } from "./context.js";
import { createDirectoryDataSource, DIRECTORY_SCHEMA } from "./data-source.js";
import { buildDirectorySchema } from "./schema.js";

export { buildDirectorySchema, createDirectoryDataSource, DIRECTORY_SCHEMA, loadConfig };
export type { DirectoryConfig };

/** Wiring only: config → data source → schema → server; migrations → import (seed code loaded only to seed). */
export const { startSubgraph, prepareDatabase, seedSynthetic } = defineSubgraph<DirectoryConfig, object>({
  name: "directory",
  schema: DIRECTORY_SCHEMA,
  createDataSource: createDirectoryDataSource,
  buildSchema: buildDirectorySchema,
  createContext: () => createContext(),
  importData: async (dataSource, log) => (await import("./seed/import-directory.js")).importDirectory(dataSource, log),
  importSynthetic: async (dataSource, network, log) => (await import("./seed/synthetic.js")).importSynthetic(dataSource, network, log),
});

serveWhenMain(module, () => startSubgraph(loadConfig()));
