import { registerEnumType } from "type-graphql";

/** Where a partnership stands in its lifecycle (see domain/status-transitions.ts for the moves allowed). */
export enum PartnershipStatus {
  PROPOSED = "PROPOSED",
  ACTIVE = "ACTIVE",
  INACTIVE = "INACTIVE",
  TERMINATED = "TERMINATED",
}

/** Words for people (facet labels). */
export const PARTNERSHIP_STATUS_LABELS: Readonly<Record<PartnershipStatus, string>> = Object.freeze({
  PROPOSED: "Proposed",
  ACTIVE: "Active",
  INACTIVE: "Inactive",
  TERMINATED: "Terminated",
});

registerEnumType(PartnershipStatus, {
  name: "PartnershipStatus",
  description: "Where a partnership stands: proposed, active (signed by both sides), inactive, or terminated.",
  valuesConfig: {
    PROPOSED: { description: "Proposed by one side; waiting for the highest official of both communities to sign." },
    ACTIVE: { description: "Signed by both communities (or imported as an existing partnership)." },
    INACTIVE: { description: "Dormant: still on record, no current activity; it can become active again." },
    TERMINATED: { description: "Ended (or a proposal withdrawn). Final." },
  },
});
