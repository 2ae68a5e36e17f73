import type { Identity } from "@scg/shared";

/** What the events subgraph needs to know about a host community before it writes an event. */
export interface HostPlace {
  id: string;
  countryCode: string;
  regionCode: string | null;
}

/**
 * What event writes ask other subgraphs (through their APIs, never their tables), on behalf of
 * `identity`. Implemented in clients/. Either throws SERVICE_UNAVAILABLE when the other subgraph
 * cannot answer, or answers in a shape it should not.
 */
export interface DirectoryLookup {
  /** The host community (null when unknown or not asked) and whether the organization exists. */
  find(ids: { communityId: string | null; organizationId: string | null }, identity: Identity | null): Promise<{
    community: HostPlace | null;
    organizationExists: boolean;
  }>;
}

export interface ProgramLookup {
  exists(programId: string, identity: Identity | null): Promise<boolean>;
}
