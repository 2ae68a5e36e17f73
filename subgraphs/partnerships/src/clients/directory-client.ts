import { entityLookupFor, type ServiceConfig } from "@scg/shared";
import type { CommunityDirectory } from "../domain/community-directory.js";

/** The directory, asked through its federation entry point (see entityLookupFor in shared). */
export function createDirectoryClient(config: ServiceConfig): CommunityDirectory {
  const lookup = entityLookupFor(config, "directory");
  return {
    async findCommunities(ids, identity) {
      const answers = await lookup(ids.map((id) => ({ __typename: "Community", id })), "... on Community { id slug regionCode country { code } }", identity);
      return answers.map((community) =>
        community && { id: community.string("id"), slug: community.string("slug"), countryCode: community.string("country.code"), regionCode: community.nullableString("regionCode") },
      );
    },
  };
}
