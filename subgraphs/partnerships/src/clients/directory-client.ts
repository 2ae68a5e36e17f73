import { createSubgraphClient, type Identity } from "@scg/shared";
import type { CommunityDirectory, DirectoryCommunity } from "../domain/community-directory.js";

const COMMUNITIES = `query PartnershipsCommunityCheck($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Community { id slug regionCode country { code } } }
}`;

interface Answer {
  _entities: ({ id: string; slug: string; regionCode: string | null; country: { code: string } } | null)[];
}

export interface DirectoryClientOptions {
  url: string;
  internalSecret: string;
  timeoutMs: number;
}

/**
 * The directory, asked through its federation entry point (`_entities`): the same question the
 * gateway asks, with the internal credential and a timeout (createSubgraphClient).
 */
export function createDirectoryClient(options: DirectoryClientOptions, identity: Identity | null = null): CommunityDirectory {
  const query = createSubgraphClient({ caller: "partnerships", target: "directory", ...options });
  return {
    async findCommunities(ids) {
      const data = await query<Answer>(COMMUNITIES, { representations: ids.map((id) => ({ __typename: "Community", id })) }, identity);
      return data._entities.map(
        (entity): DirectoryCommunity | null =>
          entity && { id: entity.id, slug: entity.slug, countryCode: entity.country.code, regionCode: entity.regionCode },
      );
    },
  };
}
