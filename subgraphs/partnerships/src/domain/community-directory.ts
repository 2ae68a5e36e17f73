import type { Identity } from "@scg/shared";

/** What the partnership rules need to know about a community; the directory owns the rest. */
export interface DirectoryCommunity {
  id: string;
  slug: string;
  name: string;
  countryCode: string;
  regionCode: string | null;
  /** The country's world region ("Asia", "Europe", …), where the directory knows it. */
  worldRegion: string | null;
}

/**
 * Asks the directory (through its API, never its tables) about communities, on behalf of
 * `identity`: one answer per id, in order, null for an id the directory does not know. Throws
 * SERVICE_UNAVAILABLE when the directory cannot answer in time, or answers in a shape it should not.
 */
export interface CommunityDirectory {
  findCommunities(ids: readonly string[], identity: Identity | null): Promise<(DirectoryCommunity | null)[]>;
  /**
   * Tells the directory how many partnerships (any status) communities have now, so it can order
   * communities by it. Throws SERVICE_UNAVAILABLE when the directory cannot take them.
   */
  recordPartnershipCounts(counts: readonly { communityId: string; count: number }[]): Promise<void>;
}
