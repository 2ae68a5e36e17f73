import { readFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { join } from "node:path";
import { communityId, Role } from "@scg/shared";
import { graphqlRequest } from "@scg/shared/testing";
import { operationId } from "@scg/gateway";
import { execute, startNetwork, type Network } from "@scg/scripts/testing";

const operation = (name: string) => readFileSync(join(__dirname, "..", "operations", `${name}.graphql`), "utf8").replace(/^#.*$/gm, "").trim();

let network: Network;
beforeAll(async () => {
  network = await startNetwork({ gatewayEnv: { RATE_LIMIT_ENABLED: "false" } });
});
afterAll(() => network?.stop());

const statements = () => Object.fromEntries(Object.entries(network.subgraphs).map(([name, s]) => [name, s.queries!.statements.length]));
const resetStatements = () => Object.values(network.subgraphs).forEach((s) => s.queries!.reset());
const ask = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  graphqlRequest(network.gatewayUrl, query, { variables, headers });

describe("the response cache", () => {
  it("answers a repeated public query from the cache, without touching any database", async () => {
    const query = `query($slug: String!) { community(slug: $slug) { name partnershipCount sisterCities { partner { slug country { name } } } } }`;
    const first = await ask(query, { slug: "boise-id-us" });
    expect(first.errors).toBeUndefined();
    expect(first.headers.get("x-cache")).toBe("MISS");
    resetStatements();
    const second = await ask(query, { slug: "boise-id-us" });
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(second.data).toEqual(first.data);
    expect(second.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    // Served before Apollo Server parsed anything.
    expect(second.headers.get("server-timing")).toBe('cache;desc="fast-lane"');
    expect(Object.values(statements()).reduce((a, b) => a + b, 0)).toBe(0);
    const other = await ask(query, { slug: "kobe-jp" });
    expect(other.headers.get("x-cache")).toBe("MISS");
  });

  it("answers an APQ request by hash from the cache inside Apollo Server, where the fast lane cannot see the text", async () => {
    const query = `{ community(slug: "tacoma-wa-us") { name partnershipCount } }`;
    const apq = (withQuery: boolean) =>
      fetch(network.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...(withQuery ? { query } : {}), extensions: { persistedQuery: { version: 1, sha256Hash: operationId(query) } } }),
      });
    const registered = await apq(true);
    expect(registered.headers.get("server-timing")).toBe('cache;desc="miss"');
    resetStatements();
    const byHash = await apq(false);
    expect(byHash.headers.get("x-cache")).toBe("HIT");
    expect(byHash.headers.get("server-timing")).toBe('cache;desc="response-cache"');
    expect(await byHash.json()).toEqual(await registered.json());
    expect(Object.values(statements()).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it("shows a new partnership on a cached community page right after the second signature", async () => {
    const us = communityId("cheyenne-wy-us");
    const abroad = communityId("kuopio-fi");
    const profile = operation("CommunityProfile");
    const before = await ask(profile, { slug: "cheyenne-wy-us" });
    expect(before.errors).toBeUndefined();
    expect((await ask(profile, { slug: "cheyenne-wy-us" })).headers.get("x-cache")).toBe("HIT");
    const partners = (response: typeof before) => response.data.community.sisterCities.map((s: any) => s.partner.slug);
    expect(partners(before)).not.toContain("kuopio-fi");

    const staff = `Bearer ${await network.tokenFor({ subject: "staff", roles: [Role.STAFF], communityIds: [], organizationIds: [] })}`;
    const proposed = await ask(operation("ProposePartnership"), { input: { communityIds: [us, abroad], focusAreas: ["CULTURE_AND_ARTS"] } }, { authorization: staff });
    expect(proposed.errors).toBeUndefined();
    const id = proposed.data.proposePartnership.id;
    try {
      const sign = (communityId: string, signatoryName: string) =>
        ask(operation("SignPartnership"), { id, input: { communityId, signatoryName, signatoryTitle: "Mayor", signedOn: "2026-11-25" } }, { authorization: staff });
      expect((await sign(us, "Patrick Collins")).errors).toBeUndefined();
      const signed = await sign(abroad, "Petri Vanhanen");
      expect(signed.data.signPartnership.status).toBe("ACTIVE");

      const after = await ask(profile, { slug: "cheyenne-wy-us" });
      expect(after.headers.get("x-cache")).toBe("MISS");
      expect(partners(after)).toContain("kuopio-fi");
      expect(after.data.community.partnershipCount).toBe(before.data.community.partnershipCount + 1);
    } finally {
      await execute(`DELETE FROM partnerships.partnership WHERE id = $1`, [id]);
    }
  });

  it("shows the seat a registration took on a cached calendar right after it", async () => {
    const staff = `Bearer ${await network.tokenFor({ subject: "staff", roles: [Role.STAFF], communityIds: [], organizationIds: [] })}`;
    const created = await ask(operation("CreateEvent"), { input: { title: "Cache test festival", kind: "FESTIVAL", startsAt: "2033-05-01T16:00:00Z", endsAt: "2033-05-01T22:00:00Z", timezone: "America/Denver", hostCommunityId: communityId("cheyenne-wy-us"), capacity: 5 } }, { authorization: staff });
    expect(created.errors).toBeUndefined();
    const calendar = operation("UpcomingEvents");
    const variables = { filter: { from: "2033-05-01T00:00:00Z", to: "2033-05-02T00:00:00Z" }, first: 10 };
    const seats = (response: any) => response.data.events.edges.find((e: any) => e.node.id === created.data.createEvent.id).node.seatsLeft;
    expect(seats(await ask(calendar, variables))).toBe(5);
    expect((await ask(calendar, variables)).headers.get("x-cache")).toBe("HIT");
    const registered = await ask(operation("RegisterForEvent"), { eventId: created.data.createEvent.id, attendee: { name: "Ana", email: "ana@example.org" } });
    expect(registered.errors).toBeUndefined();
    const after = await ask(calendar, variables);
    expect(after.headers.get("x-cache")).toBe("MISS");
    expect(seats(after)).toBe(4);
  });

  it("never serves one caller's personal data to another", async () => {
    const staff = `Bearer ${await network.tokenFor({ subject: "staff", roles: [Role.STAFF], communityIds: [], organizationIds: [] })}`;
    const created = await ask(operation("CreateEvent"), { input: { title: "Private data test", kind: "MEETING", startsAt: "2033-06-01T16:00:00Z", endsAt: "2033-06-01T18:00:00Z", timezone: "America/Denver", hostCommunityId: communityId("cheyenne-wy-us"), capacity: 5 } }, { authorization: staff });
    const eventId = created.data.createEvent.id;
    await ask(operation("RegisterForEvent"), { eventId, attendee: { name: "Secret Person", email: "secret@example.org" } });
    const query = `query($id: ID!) { event(id: $id) { title seatsLeft registrations { attendee { name email } } } }`;
    for (let i = 0; i < 2; i++) {
      const admin = await ask(query, { id: eventId }, { authorization: staff });
      expect(admin.data.event.registrations[0].attendee.email).toBe("secret@example.org");
      expect(admin.headers.get("x-cache")).toBeNull(); // staff never read or fill the shared cache
    }
    const anonymous = await ask(query, { id: eventId });
    expect(JSON.stringify(anonymous)).not.toContain("secret@example.org");
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const registration = `mutation($e: ID!) { registerForEvent(eventId: $e, attendee: { name: "Secret Person", email: "secret@example.org" }) { id attendee { email } } }`;
    const repeat = await ask(registration, { e: eventId });
    expect(JSON.stringify(repeat)).not.toContain("secret@example.org");
  });

  it("shares cached entities between different operations", async () => {
    const a = `{ community(slug: "honolulu-hi-us") { sisterCities { partner { slug name region } } } }`;
    const b = `{ community(slug: "honolulu-hi-us") { partnershipCount sisterCities { partner { slug name region } } } }`;
    expect((await ask(a)).errors).toBeUndefined();
    resetStatements();
    const other = await ask(b);
    expect(other.errors).toBeUndefined();
    expect(other.headers.get("x-cache")).toBe("MISS");
    // The partners' directory entities come from the entity cache: only the root lookup reaches the directory.
    expect(network.subgraphs.directory.queries!.matching(/FROM "directory"\."community"/)).toHaveLength(1);
  });

  it("gives trusted-operation GETs Cache-Control and an ETag, and answers 304 to a matching If-None-Match", async () => {
    const body = operation("NetworkStats");
    const url = `${network.gatewayUrl}?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: operationId(body) } }))}`;
    const first = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    // node:http, not fetch: fetch adds "Cache-Control: no-cache" to conditional requests, which forbids a 304.
    const status = await new Promise<number>((resolve, reject) =>
      httpGet(url, { headers: { "apollo-require-preflight": "true", "if-none-match": etag! } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on("error", reject),
    );
    expect(status).toBe(304);
  });
});
