import "reflect-metadata";
import { defineSubgraph, serveWhenMain } from "@scg/shared";
import { loadConfig, type DirectoryConfig } from "./config.js";
import { createContext } from "./context.js";
import { createDirectoryDataSource, DIRECTORY_SCHEMA } from "./data-source.js";
import { buildDirectorySchema } from "./schema.js";
import { importDirectory } from "./seed/import-directory.js";

export { buildDirectorySchema, createDirectoryDataSource, DIRECTORY_SCHEMA, importDirectory, loadConfig };
export type { DirectoryConfig };
export { seedSynthetic } from "./seed/synthetic.js";

/** Wiring only: config → data source → schema → server; migrations → import. */
export const { startSubgraph, prepareDatabase } = defineSubgraph<DirectoryConfig, object>({
  name: "directory",
  schema: DIRECTORY_SCHEMA,
  createDataSource: createDirectoryDataSource,
  buildSchema: buildDirectorySchema,
  createContext: (dataSource) => createContext(dataSource),
  importData: importDirectory,
});

serveWhenMain(module, () => startSubgraph(loadConfig()));
