import type { SubgraphScope } from "@scg/shared";
import { createLoaders, type DirectoryLoaders } from "./loaders/create-loaders.js";

export interface DirectoryContext extends SubgraphScope {
  loaders: DirectoryLoaders;
}

export function createContext() {
  return (scope: SubgraphScope): DirectoryContext => ({ ...scope, loaders: createLoaders(scope.dataSource) });
}
