import type { Identity } from "@scg/shared";

/** What createProgram needs to know about a partnership, from the partnerships subgraph. */
export interface PartnershipFacts {
  id: string;
  status: string;
  communityIds: string[];
}

/** What createProgram needs to know from the directory. */
export interface DirectoryFacts {
  /** The country of each community asked about; a community the directory does not know is absent. */
  countryCodeByCommunityId: Map<string, string>;
  /** Whether the organization asked about exists (null when none was asked about). */
  organizationExists: boolean | null;
}

/**
 * The questions program writes ask other subgraphs (through their APIs, never their tables), on
 * behalf of `identity`. Implemented in clients/; tests may pass their own. Either throws
 * SERVICE_UNAVAILABLE when the other subgraph cannot answer, or answers in a shape it should not.
 */
export interface RemoteChecks {
  findPartnership(id: string, identity: Identity | null): Promise<PartnershipFacts | null>;
  askDirectory(communityIds: string[], organizationId: string | null, identity: Identity | null): Promise<DirectoryFacts>;
}
