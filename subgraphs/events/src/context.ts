import type { SubgraphScope } from "@scg/shared";
import type { DirectoryLookup, ProgramLookup } from "./domain/event-references.js";
import { createLoaders, type EventsLoaders } from "./loaders/create-loaders.js";

export interface EventsContext extends SubgraphScope {
  loaders: EventsLoaders;
  directory: DirectoryLookup;
  programs: ProgramLookup;
}

export function createContext(directory: DirectoryLookup, programs: ProgramLookup) {
  return (scope: SubgraphScope): EventsContext => ({ ...scope, directory, programs, loaders: createLoaders(scope.dataSource) });
}
