import { SignJWT, UnsecuredJWT } from "jose";
import { communityId, INTERNAL_CREDENTIAL_HEADER, Role, signInternalCredential, DEVELOPMENT_INTERNAL_SECRET } from "@scg/shared";
import { graphqlRequest } from "@scg/shared/testing";
import { countRows } from "@scg/scripts/testing";
import { startNetwork, type Network } from "@scg/scripts/testing";

let network: Network;
beforeAll(async () => {
  network = await startNetwork();
});
afterAll(() => network?.stop());

const seattle = communityId("seattle-wa-us");
const propose = `mutation($input: ProposePartnershipInput!) { proposePartnership(input: $input) { id status } }`;
// A pair that has no partnership in the data: Seattle and Pécs.
const variables = { input: { communityIds: [seattle, communityId("pecs-hu")], focusAreas: ["EDUCATIONAL_EXCHANGES"] } };
const seattleAdmin = { subject: "seattle-admin", roles: [Role.MEMBER_ADMIN], communityIds: [seattle], organizationIds: [] };

// Only this pair's rows: other test files write other partnerships to the same database meanwhile.
const pairRows = () =>
  countRows(`partnerships.partnership WHERE '${seattle}' IN (community_a_id, community_b_id) AND '${communityId("pecs-hu")}' IN (community_a_id, community_b_id)`);

async function proposeWith(headers: Record<string, string>) {
  const before = await pairRows();
  const response = await graphqlRequest(network.gatewayUrl, propose, { variables, headers });
  expect(await pairRows()).toBe(before);
  return response;
}

const jwt = () => network.gatewayConfig.jwt;
const sign = (claims: Record<string, unknown>, options: { issuer?: string; audience?: string; secret?: string; expires?: string | number } = {}) =>
  new SignJWT({ roles: seattleAdmin.roles, communities: seattleAdmin.communityIds, ...claims })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("seattle-admin")
    .setIssuer(options.issuer ?? jwt().issuer)
    .setAudience(options.audience ?? jwt().audience)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? "10m")
    .sign(new TextEncoder().encode(options.secret ?? jwt().secret!));

describe("identity at the gateway: each bad token is refused with 401 UNAUTHENTICATED and writes nothing", () => {
  it("no token: an anonymous proposePartnership is UNAUTHENTICATED", async () => {
    const response = await proposeWith({});
    expect(response.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(response.data?.proposePartnership ?? null).toBeNull();
  });

  const cases: [string, () => Promise<string>][] = [
    ["an expired token", () => sign({}, { expires: Math.floor(Date.now() / 1000) - 60 })],
    ["a token signed with another secret", () => sign({}, { secret: "some-other-secret-of-sufficient-length" })],
    ["an alg: none token", async () => new UnsecuredJWT({ roles: ["STAFF"] }).setSubject("x").setIssuer(jwt().issuer).setAudience(jwt().audience).setExpirationTime("10m").encode()],
    [
      "a tampered payload (roles raised to STAFF, original signature)",
      async () => {
        const [header, , signature] = (await sign({})).split(".");
        const payload = Buffer.from(JSON.stringify({ sub: "seattle-admin", roles: ["STAFF"], iss: jwt().issuer, aud: jwt().audience, exp: Math.floor(Date.now() / 1000) + 600 })).toString("base64url");
        return `${header}.${payload}.${signature}`;
      },
    ],
    ["a wrong issuer", () => sign({}, { issuer: "https://evil.example" })],
    ["a wrong audience", () => sign({}, { audience: "someone-else" })],
    ["a token with no known role", () => sign({ roles: ["ROOT"] })],
  ];
  it.each(cases)("%s", async (_label, makeToken) => {
    const response = await proposeWith({ authorization: `Bearer ${await makeToken()}` });
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(response.errors?.[0].message).toMatch(/access token was refused/);
  });

  it("a malformed Authorization header", async () => {
    const response = await proposeWith({ authorization: "Basic dXNlcjpwYXNz" });
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("a forged gateway credential without a token grants nothing", async () => {
    const forged = await signInternalCredential({ identity: { ...seattleAdmin, roles: [Role.STAFF] }, caller: "gateway" }, DEVELOPMENT_INTERNAL_SECRET);
    const response = await proposeWith({ [INTERNAL_CREDENTIAL_HEADER]: forged, "x-user-roles": "STAFF" });
    expect(response.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("a forged gateway credential beside a valid member-admin token does not raise the caller to staff", async () => {
    const token = await network.tokenFor(seattleAdmin);
    const forged = await signInternalCredential({ identity: { subject: "x", roles: [Role.STAFF], communityIds: [], organizationIds: [] }, caller: "gateway" }, DEVELOPMENT_INTERNAL_SECRET);
    // Chicago and Pécs: the Seattle admin administers neither, so only a forged STAFF role could pass.
    const chicagoPecs = `partnerships.partnership WHERE '${communityId("chicago-il-us")}' IN (community_a_id, community_b_id) AND '${communityId("pecs-hu")}' IN (community_a_id, community_b_id)`;
    const before = await countRows(chicagoPecs);
    const response = await graphqlRequest(network.gatewayUrl, propose, {
      variables: { input: { communityIds: [communityId("chicago-il-us"), communityId("pecs-hu")], focusAreas: [] } },
      headers: { authorization: `Bearer ${token}`, [INTERNAL_CREDENTIAL_HEADER]: forged },
    });
    expect(response.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await countRows(chicagoPecs)).toBe(before);
  });

  it("a subgraph called directly, without the gateway's credential, answers 401", async () => {
    for (const subgraph of Object.values(network.subgraphs)) {
      const response = await graphqlRequest(subgraph.url, `{ __typename }`);
      expect(response.status).toBe(401);
    }
  });

  it("the gateway still answers a normal query afterwards", async () => {
    const response = await graphqlRequest(network.gatewayUrl, `{ country(code: "JP") { name } }`);
    expect(response.data).toEqual({ country: { name: "Japan" } });
  });
});
