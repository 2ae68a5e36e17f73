import type { RequestScope } from "@scg/shared";
import type { DataSource } from "typeorm";
import type { CommunityDirectory } from "./domain/community-directory.js";
import { createLoaders, type PartnershipsLoaders } from "./loaders/create-loaders.js";

export interface PartnershipsContext extends RequestScope {
  loaders: PartnershipsLoaders;
  dataSource: DataSource;
  /** The directory subgraph, asked through its API when a write must check communities. */
  directory: CommunityDirectory;
}

export function createContext(dataSource: DataSource, directory: CommunityDirectory) {
  return (scope: RequestScope): PartnershipsContext => ({
    ...scope,
    dataSource,
    loaders: createLoaders(dataSource),
    directory,
  });
}
