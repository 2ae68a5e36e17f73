import type { RequestScope } from "@scg/shared";
import type { DataSource } from "typeorm";
import { createLoaders, type DirectoryLoaders } from "./loaders/create-loaders.js";

export interface DirectoryContext extends RequestScope {
  loaders: DirectoryLoaders;
  dataSource: DataSource;
}

export function createContext(dataSource: DataSource) {
  return (scope: RequestScope): DirectoryContext => ({ ...scope, dataSource, loaders: createLoaders(dataSource) });
}
