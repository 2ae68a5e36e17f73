import { entityLookupFor, type ServiceConfig } from "@scg/shared";
import type { RemoteChecks } from "../domain/remote-checks.js";

/** The directory, asked through its federation entry point: communities' countries and an organizer, in one request. */
export function createDirectoryClient(config: ServiceConfig): Pick<RemoteChecks, "askDirectory"> {
  const lookup = entityLookupFor(config, "directory");
  return {
    async askDirectory(communityIds, organizationId, identity) {
      const references = [
        ...communityIds.map((id) => ({ __typename: "Community", id })),
        ...(organizationId ? [{ __typename: "Organization", id: organizationId }] : []),
      ];
      const answers = await lookup(references, "... on Community { id country { code } } ... on Organization { id }", identity);
      const countryCodeByCommunityId = new Map<string, string>();
      for (const community of answers.slice(0, communityIds.length)) {
        if (community) countryCodeByCommunityId.set(community.string("id"), community.string("country.code"));
      }
      return { countryCodeByCommunityId, organizationExists: organizationId === null ? null : answers[communityIds.length] !== null };
    },
  };
}
