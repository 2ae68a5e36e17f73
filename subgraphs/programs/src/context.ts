import type { SubgraphScope } from "@scg/shared";
import type { RemoteChecks } from "./domain/remote-checks.js";
import { createLoaders, type ProgramsLoaders } from "./loaders/create-loaders.js";

export interface ProgramsContext extends SubgraphScope {
  loaders: ProgramsLoaders;
  /** How writes ask the partnerships and directory subgraphs. */
  remote: RemoteChecks;
}

export function createContext(remote: RemoteChecks) {
  return (scope: SubgraphScope): ProgramsContext => ({ ...scope, remote, loaders: createLoaders(scope.dataSource) });
}
