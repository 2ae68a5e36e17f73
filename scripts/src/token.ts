import { parseArgs } from "node:util";
import { communityId, organizationId, Role, type Identity } from "@scg/shared";
import { loadConfig, signUserToken } from "@scg/gateway";

/**
 * `npm run token -- --role member-admin --community seattle-wa-us` prints a development token
 * signed with the gateway's HS256 secret (JWT_SECRET, or the development default).
 * Communities and organizations are given by slug; the token carries their ids.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: "string", multiple: true, default: ["member-admin"] },
      community: { type: "string", multiple: true, default: [] },
      organization: { type: "string", multiple: true, default: [] },
      subject: { type: "string", default: "dev-user" },
      expires: { type: "string", default: "8h" },
    },
  });
  const roles = values.role.map((role) => role.toUpperCase().replace(/-/g, "_"));
  const unknown = roles.filter((role) => !(role in Role));
  if (unknown.length) throw new Error(`Unknown role ${unknown.join(", ")}; use staff, member-admin or analyst.`);
  const identity: Identity = {
    subject: values.subject,
    roles: roles as Role[],
    communityIds: values.community.map(communityId),
    organizationIds: values.organization.map(organizationId),
  };
  console.log(await signUserToken(identity, loadConfig().jwt, values.expires));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
