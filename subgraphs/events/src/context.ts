import type { RequestScope } from "@scg/shared";
import type { DataSource } from "typeorm";
import type { DirectoryLookup, ProgramLookup } from "./domain/event-references.js";
import { createLoaders, type EventsLoaders } from "./loaders/create-loaders.js";

export interface EventsContext extends RequestScope {
  loaders: EventsLoaders;
  dataSource: DataSource;
  directory: DirectoryLookup;
  programs: ProgramLookup;
}

export function createContext(dataSource: DataSource, directory: DirectoryLookup, programs: ProgramLookup) {
  return (scope: RequestScope): EventsContext => ({ ...scope, dataSource, directory, programs, loaders: createLoaders(dataSource) });
}
