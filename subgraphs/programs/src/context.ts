import type { RequestScope } from "@scg/shared";
import type { DataSource } from "typeorm";
import type { RemoteChecks } from "./domain/remote-checks.js";
import { createLoaders, type ProgramsLoaders } from "./loaders/create-loaders.js";

export interface ProgramsContext extends RequestScope {
  loaders: ProgramsLoaders;
  dataSource: DataSource;
  /** How writes ask the partnerships and directory subgraphs. */
  remote: RemoteChecks;
}

export function createContext(dataSource: DataSource, remote: RemoteChecks) {
  return (scope: RequestScope): ProgramsContext => ({ ...scope, dataSource, remote, loaders: createLoaders(dataSource) });
}
