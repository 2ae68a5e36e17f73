import type { SubgraphScope } from "@scg/shared";
import type { CommunityDirectory } from "./domain/community-directory.js";
import { createLoaders, type PartnershipsLoaders } from "./loaders/create-loaders.js";

export interface PartnershipsContext extends SubgraphScope {
  loaders: PartnershipsLoaders;
  /** The directory subgraph, asked through its API when a write must check communities. */
  directory: CommunityDirectory;
}

export function createContext(directory: CommunityDirectory) {
  return (scope: SubgraphScope): PartnershipsContext => ({
    ...scope,
    loaders: createLoaders(scope.dataSource),
    directory,
  });
}
