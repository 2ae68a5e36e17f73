import { ConnectionType } from "@scg/shared";
import { Community } from "../entities/community.entity.js";
import { Organization } from "../entities/organization.entity.js";

export const CommunityConnection = ConnectionType(Community, "Community");
export const OrganizationConnection = ConnectionType(Organization, "Organization");
