import { createSubgraphClient, type Identity, type ServiceConfig } from "@scg/shared";

/** What the events subgraph needs to know about a host community before it writes an event. */
export interface HostPlace {
  id: string;
  countryCode: string;
  regionCode: string | null;
}

/** Asks the directory whether a community and an organization exist (null where they do not). */
export interface DirectoryLookup {
  find(ids: { communityId: string | null; organizationId: string | null }, identity: Identity | null): Promise<{
    community: HostPlace | null;
    organizationExists: boolean;
  }>;
}

const ENTITIES = `query EventReferences($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Community { id regionCode country { code } }
    ... on Organization { id }
  }
}`;

type EntitiesAnswer = { _entities: ({ id: string; regionCode?: string | null; country?: { code: string } } | null)[] };

/** The directory, asked through its federation `_entities` field (one request for both ids). */
export function createDirectoryLookup(config: Pick<ServiceConfig, "subgraphUrls" | "internalSecret" | "subgraphTimeoutMs">): DirectoryLookup {
  const query = createSubgraphClient({
    caller: "events", target: "directory", url: config.subgraphUrls.directory, internalSecret: config.internalSecret, timeoutMs: config.subgraphTimeoutMs,
  });
  return {
    async find({ communityId, organizationId }, identity) {
      const representations = [
        ...(communityId ? [{ __typename: "Community", id: communityId }] : []),
        ...(organizationId ? [{ __typename: "Organization", id: organizationId }] : []),
      ];
      if (representations.length === 0) return { community: null, organizationExists: false };
      const answer = await query<EntitiesAnswer>(ENTITIES, { representations }, identity);
      const community = communityId ? answer._entities[0] : null;
      const organization = organizationId ? answer._entities[communityId ? 1 : 0] : null;
      return {
        community: community?.country ? { id: community.id, countryCode: community.country.code, regionCode: community.regionCode ?? null } : null,
        organizationExists: organization != null,
      };
    },
  };
}
