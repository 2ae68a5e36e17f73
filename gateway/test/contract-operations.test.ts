import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildClientSchema, getIntrospectionQuery, parse, validate } from "graphql";
import { communityId, Role } from "@scg/shared";
import { graphqlRequest } from "@scg/shared/testing";
import { countRows, execute } from "@scg/scripts/testing";
import { startNetwork, type Network } from "@scg/scripts/testing";

const operationsDir = join(__dirname, "..", "operations");
const operation = (name: string) => readFileSync(join(operationsDir, `${name}.graphql`), "utf8");

let network: Network;
let analyst: string;
const ask = (name: string, variables: Record<string, unknown> = {}, authorization = analyst) =>
  graphqlRequest(network.gatewayUrl, operation(name), { variables, headers: { authorization } });

beforeAll(async () => {
  network = await startNetwork();
  analyst = `Bearer ${await network.tokenFor({ subject: "analyst", roles: [Role.ANALYST], communityIds: [], organizationIds: [] })}`;
});
afterAll(() => network?.stop());

describe("the contract operations through the gateway", () => {
  it("every operation in gateway/operations validates against the public schema", async () => {
    const introspection = await graphqlRequest(network.gatewayUrl, getIntrospectionQuery());
    expect(introspection.errors).toBeUndefined();
    const schema = buildClientSchema(introspection.data);
    const files = readdirSync(operationsDir).filter((f) => f.endsWith(".graphql"));
    expect(files.length).toBe(13);
    for (const file of files) {
      expect({ file, errors: validate(schema, parse(readFileSync(join(operationsDir, file), "utf8"))).map((e) => e.message) }).toEqual({ file, errors: [] });
    }
  });

  it("CommunityProfile: Seattle has 16 sister cities, Kobe among them, ACTIVE with a source, each with programs", async () => {
    const { status, data, errors } = await ask("CommunityProfile", { slug: "seattle-wa-us" });
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    const community = data.community;
    expect(community).toMatchObject({ slug: "seattle-wa-us", country: { code: "US" }, partnershipCount: 16 });
    expect(community.sisterCities).toHaveLength(16);
    const kobe = community.sisterCities.find((s: any) => s.partner.slug === "kobe-jp");
    expect(kobe).toMatchObject({ partner: { country: { code: "JP" } }, partnership: { status: "ACTIVE" } });
    expect(Array.isArray(kobe.partnership.programs)).toBe(true);
    const source = await graphqlRequest(network.gatewayUrl, `{ community(slug: "seattle-wa-us") { sisterCities { partner { slug } partnership { source } } } }`);
    expect(source.data.community.sisterCities.find((s: any) => s.partner.slug === "kobe-jp").partnership.source).toMatch(/Wikipedia/);
    expect(community.sisterCities.some((s: any) => s.partnership.programs.length > 0)).toBe(true);
  });

  it("CommunityProfile: Chicago has 22", async () => {
    const { data, errors } = await ask("CommunityProfile", { slug: "chicago-il-us" });
    expect(errors).toBeUndefined();
    expect(data.community.partnershipCount).toBe(22);
    expect(data.community.sisterCities).toHaveLength(22);
  });

  it("CountryPartnerships: Japan's 321 partnerships, count equal to totalCount, each with both communities", async () => {
    const { data, errors } = await ask("CountryPartnerships", { code: "JP", first: 50 });
    expect(errors).toBeUndefined();
    expect(data.country.partnershipCount).toBe(321);
    expect(data.country.partnerships.totalCount).toBe(321);
    for (const edge of data.country.partnerships.edges) {
      expect(edge.node.communities).toHaveLength(2);
      expect(edge.node.communities.map((c: any) => c.country.code)).toContain("JP");
    }
  });

  it("NetworkStats: 2,561 partnerships in 130 partner countries", async () => {
    const { data, errors } = await ask("NetworkStats");
    expect(errors).toBeUndefined();
    expect(data.networkStats.countries).toBe(130);
    expect(data.networkStats.partnerships).toBeGreaterThanOrEqual(2560);
  });

  it("DirectorySearch, PartnershipMap (a page of 500), UpcomingEvents and YouthPrograms run clean", async () => {
    const search = await ask("DirectorySearch", { filter: { search: "pecs" }, first: 10 });
    expect(search.errors).toBeUndefined();
    expect(search.data.communities.edges[0].node).toMatchObject({ slug: "pecs-hu", country: { code: "HU" } });
    const map = await ask("PartnershipMap", { first: 500 });
    expect(map.errors).toBeUndefined();
    expect(map.data.partnerships.edges).toHaveLength(500);
    expect(map.data.partnerships.pageInfo.hasNextPage).toBe(true);
    const upcoming = await ask("UpcomingEvents", { filter: { from: "2015-07-01T00:00:00Z", to: "2015-07-31T23:59:59Z" } });
    expect(upcoming.errors).toBeUndefined();
    const teens = await ask("YouthPrograms", { filter: { ageGroups: ["TEENS"], areas: ["K12_EDUCATION"] }, first: 20 });
    expect(teens.errors).toBeUndefined();
    for (const { node } of teens.data.programs.edges) {
      expect(node.ageGroups).toContain("TEENS");
      expect(node.areas).toContain("K12_EDUCATION");
      expect(node.partnership.communities.every((c: any) => c.country.name)).toBe(true);
    }
  });

  it("ProposePartnership then SignPartnership by both sides makes it ACTIVE; the other side's admin cannot sign for Seattle", async () => {
    // Cheyenne and Tromsø: a pair no other test reads (the run shares one database), removed afterwards.
    const seattle = communityId("cheyenne-wy-us");
    const partner = communityId("tromso-no");
    const seattleAdmin = `Bearer ${await network.tokenFor({ subject: "sea", roles: [Role.MEMBER_ADMIN], communityIds: [seattle], organizationIds: [] })}`;
    const tromsoAdmin = `Bearer ${await network.tokenFor({ subject: "tos", roles: [Role.MEMBER_ADMIN], communityIds: [partner], organizationIds: [] })}`;
    const proposed = await ask("ProposePartnership", { input: { communityIds: [seattle, partner], focusAreas: ["EDUCATIONAL_EXCHANGES"] } }, seattleAdmin);
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data.proposePartnership).toMatchObject({ status: "PROPOSED", focusAreas: ["EDUCATIONAL_EXCHANGES"] });
    const id = proposed.data.proposePartnership.id;

    const signatures = `partnerships.signature WHERE partnership_id = '${id}'`;
    const before = await countRows(signatures);
    const impostor = await ask("SignPartnership", { id, input: { communityId: seattle, signatoryName: "Not the mayor", signatoryTitle: "Mayor", signedOn: "2026-11-20" } }, tromsoAdmin);
    expect(impostor.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await countRows(signatures)).toBe(before);

    const first = await ask("SignPartnership", { id, input: { communityId: seattle, signatoryName: "Bruce Harrell", signatoryTitle: "Mayor", signedOn: "2026-11-20" } }, seattleAdmin);
    expect(first.errors).toBeUndefined();
    expect(first.data.signPartnership.status).toBe("PROPOSED");
    const second = await ask("SignPartnership", { id, input: { communityId: partner, signatoryName: "Gunnar Wilhelmsen", signatoryTitle: "Mayor", signedOn: "2026-11-21" } }, tromsoAdmin);
    expect(second.errors).toBeUndefined();
    expect(second.data.signPartnership).toMatchObject({ status: "ACTIVE", establishedOn: "2026-11-21" });
    expect(second.data.signPartnership.signatures).toHaveLength(2);
    await execute(`DELETE FROM partnerships.signature WHERE partnership_id = $1`, [id]);
    await execute(`DELETE FROM partnerships.status_change WHERE partnership_id = $1`, [id]);
    await execute(`DELETE FROM partnerships.partnership WHERE id = $1`, [id]);
  });

  it("a member admin cannot change another community's event", async () => {
    const minneapolisAdmin = `Bearer ${await network.tokenFor({ subject: "mpls", roles: [Role.MEMBER_ADMIN], communityIds: [communityId("minneapolis-mn-us")], organizationIds: [] })}`;
    const seattleAdmin = `Bearer ${await network.tokenFor({ subject: "sea", roles: [Role.MEMBER_ADMIN], communityIds: [communityId("seattle-wa-us")], organizationIds: [] })}`;
    const created = await ask("CreateEvent", { input: { title: "Contract test visit", kind: "MEETING", startsAt: "2032-03-01T15:00:00Z", endsAt: "2032-03-01T17:00:00Z", timezone: "America/Chicago", hostCommunityId: communityId("minneapolis-mn-us"), capacity: 10 } }, minneapolisAdmin);
    expect(created.errors).toBeUndefined();
    const id = created.data.createEvent.id;
    const cancelled = `events.event WHERE id = '${id}' AND cancelled_at IS NOT NULL`;
    expect(await countRows(cancelled)).toBe(0);
    const cancel = await graphqlRequest(network.gatewayUrl, `mutation($id: ID!) { cancelEvent(id: $id) { id } }`, { variables: { id }, headers: { authorization: seattleAdmin } });
    expect(cancel.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await countRows(cancelled)).toBe(0);
    const createForOthers = await ask("CreateEvent", { input: { title: "Not mine", kind: "MEETING", startsAt: "2032-03-01T15:00:00Z", endsAt: "2032-03-01T17:00:00Z", timezone: "America/Chicago", hostCommunityId: communityId("minneapolis-mn-us"), capacity: 10 } }, seattleAdmin);
    expect(createForOthers.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
