import { entityLookupFor, subgraphCallFor, type ServiceConfig } from "@scg/shared";
import type { CommunityDirectory } from "../domain/community-directory.js";

/** The directory, asked through its federation entry point (see entityLookupFor in shared). */
export function createDirectoryClient(config: ServiceConfig): CommunityDirectory {
  const lookup = entityLookupFor(config, "directory");
  const call = subgraphCallFor(config, "directory");
  return {
    async recordPartnershipCounts(counts) {
      await call("mutation partnershipsRecordCounts($counts: [PartnershipCountInput!]!) { recordPartnershipCounts(counts: $counts) }", { counts }, null);
    },
    async findCommunities(ids, identity) {
      const answers = await lookup(ids.map((id) => ({ __typename: "Community", id })), "... on Community { id slug name regionCode country { code region } }", identity);
      return answers.map(
        (community) =>
          community && {
            id: community.string("id"),
            slug: community.string("slug"),
            name: community.string("name"),
            countryCode: community.string("country.code"),
            regionCode: community.nullableString("regionCode"),
            worldRegion: community.nullableString("country.region"),
          },
      );
    },
  };
}
