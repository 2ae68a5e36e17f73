import { entityLookupFor, type ServiceConfig } from "@scg/shared";
import type { RemoteChecks } from "../domain/remote-checks.js";

/** The partnerships subgraph, asked through its federation entry point (see entityLookupFor in shared). */
export function createPartnershipsClient(config: ServiceConfig): Pick<RemoteChecks, "findPartnership"> {
  const lookup = entityLookupFor(config, "partnerships");
  return {
    async findPartnership(id, identity) {
      const [partnership] = await lookup([{ __typename: "Partnership", id }], "... on Partnership { id status communities { id } }", identity);
      if (!partnership) return null;
      return { id: partnership.string("id"), status: partnership.string("status"), communityIds: partnership.list("communities").map((c) => c.string("id")) };
    },
  };
}
