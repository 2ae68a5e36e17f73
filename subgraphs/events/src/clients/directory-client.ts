import { entityLookupFor, type ServiceConfig } from "@scg/shared";
import type { DirectoryLookup } from "../domain/event-references.js";

/** The directory, asked through its federation entry point: a host community and an organizer, in one request. */
export function createDirectoryClient(config: ServiceConfig): DirectoryLookup {
  const lookup = entityLookupFor(config, "directory");
  return {
    async find({ communityId, organizationId }, identity) {
      const references = [
        ...(communityId ? [{ __typename: "Community", id: communityId }] : []),
        ...(organizationId ? [{ __typename: "Organization", id: organizationId }] : []),
      ];
      const answers = await lookup(references, "... on Community { id regionCode country { code } } ... on Organization { id }", identity);
      const community = communityId ? answers[0] : null;
      return {
        community: community && { id: community.string("id"), countryCode: community.string("country.code"), regionCode: community.nullableString("regionCode") },
        organizationExists: organizationId !== null && answers[communityId ? 1 : 0] !== null,
      };
    },
  };
}
