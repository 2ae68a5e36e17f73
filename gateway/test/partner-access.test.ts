import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEVELOPMENT_INTERNAL_SECRET, Role } from "@scg/shared";
import { graphqlRequest } from "@scg/shared/testing";
import { operationId, type PersistedQueryManifest } from "@scg/gateway";
import { startNetwork, type Network } from "@scg/scripts/testing";

const manifest = JSON.parse(readFileSync(join(__dirname, "..", "persisted-operations.json"), "utf8")) as PersistedQueryManifest;
const byName = (name: string) => manifest.operations.find((o) => o.name === name)!;

let network: Network;
beforeAll(async () => {
  network = await startNetwork({
    gatewayEnv: {
      NODE_ENV: "production",
      INTERNAL_SECRET: DEVELOPMENT_INTERNAL_SECRET,
      JWT_SECRET: "a-production-like-secret-for-tests-only",
      SHARED_STORE: process.env.REDIS_URL ? "redis" : "memory",
      RATE_LIMIT_ANONYMOUS_POINTS: "1000000",
    },
  });
});
afterAll(() => network?.stop());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(network.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
const persisted = (id: string, variables: Record<string, unknown> = {}) => ({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: id } } });
const analyst = () => network.tokenFor({ subject: "analyst-1", roles: [Role.ANALYST], communityIds: [], organizationIds: [] });

describe("trusted operations (production profile)", () => {
  it("the manifest is Apollo's format, ids are the SHA-256 of each body, and it holds the product's operations", () => {
    expect(manifest.format).toBe("apollo-persisted-query-manifest");
    expect(manifest.operations.map((o) => o.name)).toEqual(expect.arrayContaining(["CommunityProfile", "DirectorySearch", "UpcomingEvents"]));
    for (const operation of manifest.operations) expect(operation.id).toBe(operationId(operation.body));
  });

  it("an anonymous caller runs a trusted operation by id (POST)", async () => {
    const response = await post(persisted(byName("DirectorySearch").id, { filter: { search: "pecs" }, first: 5 }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.communities.edges.map((e: any) => e.node.slug)).toContain("pecs-hu");
  });

  it("an anonymous caller runs a trusted operation by id with a cacheable GET", async () => {
    const operation = byName("NetworkStats");
    const url = `${network.gatewayUrl}?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: operation.id } }))}`;
    const response = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.networkStats).toEqual({ communities: expect.any(Number), partnerships: expect.any(Number), activePartnerships: expect.any(Number), countries: expect.any(Number) });
    expect(body.data.networkStats.partnerships).toBeGreaterThan(2000);
  });

  it("an unknown id is PERSISTED_QUERY_NOT_FOUND", async () => {
    const response = await post(persisted("0".repeat(64)));
    expect(response.status).toBe(404);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("an anonymous free-form operation is refused; the same text as a trusted operation is accepted", async () => {
    const refused = await post({ query: `{ communities(first: 500) { edges { node { slug } } } }` });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    const verbatim = await post({ query: byName("NetworkStats").body });
    expect(verbatim.status).toBe(200);
  });

  it("a signed-in analyst may send free-form operations, and APQ works for them", async () => {
    const token = await analyst();
    const query = `{ country(code: "JP") { name } }`;
    const hash = operationId(query);
    const miss = await post(persisted(hash), { authorization: `Bearer ${token}` });
    expect(((await miss.json()) as any).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const register = await post({ query, ...persisted(hash) }, { authorization: `Bearer ${token}` });
    expect(((await register.json()) as any).data).toEqual({ country: { name: "Japan" } });
    const hit = await post(persisted(hash), { authorization: `Bearer ${token}` });
    expect(((await hit.json()) as any).data).toEqual({ country: { name: "Japan" } });
  });
});

describe("introspection and suggestions (production profile)", () => {
  it("callers who are not signed in get no introspection and no suggestions, even with a free-form key", async () => {
    const { key } = await network.apiKeys.create({ name: "Free-form, anonymous", origins: [], rateLimitPoints: 100_000, allowFreeForm: true });
    const introspection = await post({ query: `{ __schema { queryType { name } } }` }, { "x-api-key": key });
    expect(introspection.status).toBe(403);
    expect(((await introspection.json()) as any).errors[0].extensions.code).toBe("INTROSPECTION_DISABLED");
    const hidden = await post({ query: `{ countri(code: "JP") { name } }` }, { "x-api-key": key });
    const hiddenMessage = ((await hidden.json()) as any).errors[0].message;
    expect(hiddenMessage).toMatch(/Cannot query field "countri"/);
    expect(hiddenMessage).not.toMatch(/Did you mean/);
    const typo = await fetch(network.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await analyst()}` },
      body: JSON.stringify({ query: `{ countri(code: "JP") { name } }` }),
    });
    expect(((await typo.json()) as any).errors[0].message).toMatch(/Did you mean "country"/);
  });

  it("analysts get introspection (the IDE keeps working)", async () => {
    const response = await post({ query: `{ __schema { queryType { name } } }` }, { authorization: `Bearer ${await analyst()}` });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.__schema.queryType.name).toBe("Query");
  });

  it("an analyst's introspection answer is never cached, so it can never be served to anyone else", async () => {
    const query = `{ __schema { mutationType { name } } }`;
    const token = await analyst();
    for (let i = 0; i < 2; i++) {
      const response = await post({ query }, { authorization: `Bearer ${token}` });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-cache")).not.toBe("HIT");
    }
    const { key } = await network.apiKeys.create({ name: "Free-form, no sign-in", origins: [], rateLimitPoints: 100_000, allowFreeForm: true });
    const stranger = await post({ query }, { "x-api-key": key });
    expect(stranger.status).toBe(403);
    expect(((await stranger.json()) as any).errors[0].extensions.code).toBe("INTROSPECTION_DISABLED");
  });

  it("an anonymous introspection query as free-form text is refused before it runs", async () => {
    const response = await post({ query: `{ __schema { types { name } } }` });
    expect(response.status).toBe(403);
  });
});

describe("API keys", () => {
  it("a key runs trusted operations from its own origin, is refused from another, and CORS answers only its origins", async () => {
    const { key } = await network.apiKeys.create({ name: "Kobe widget", origins: ["https://widget.example.org"], rateLimitPoints: 100_000 });
    const ok = await post(persisted(byName("NetworkStats").id), { "x-api-key": key, origin: "https://widget.example.org" });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://widget.example.org");
    expect(ok.headers.get("ratelimit-limit")).toBe("100000");
    const wrongOrigin = await post(persisted(byName("NetworkStats").id), { "x-api-key": key, origin: "https://evil.example" });
    expect(wrongOrigin.status).toBe(403);
    expect(((await wrongOrigin.json()) as any).errors[0].extensions.code).toBe("ORIGIN_NOT_ALLOWED");
    // The refusal is readable by the page (a widget says why), and grants nothing.
    expect(wrongOrigin.headers.get("access-control-allow-origin")).toBe("https://evil.example");
    const preflight = await fetch(network.gatewayUrl, { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    const anonymous = await post(persisted(byName("NetworkStats").id), { origin: "https://evil.example" });
    expect(anonymous.headers.get("access-control-allow-origin")).toBeNull();
    const keyedPreflight = await fetch(network.gatewayUrl, { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "GET", "access-control-request-headers": "x-api-key" } });
    expect(keyedPreflight.headers.get("access-control-allow-origin")).toBe("https://evil.example");
    const goodPreflight = await fetch(network.gatewayUrl, { method: "OPTIONS", headers: { origin: "https://widget.example.org", "access-control-request-method": "POST", "access-control-request-headers": "x-api-key,content-type" } });
    expect(goodPreflight.headers.get("access-control-allow-origin")).toBe("https://widget.example.org");
    const freeForm = await post({ query: `{ country(code: "JP") { name } }` }, { "x-api-key": key });
    expect(freeForm.status).toBe(403);
  });

  it("a key limited to its own trusted operations cannot run the others; a free-form key can send its own", async () => {
    const { key } = await network.apiKeys.create({ name: "Map only", origins: [], rateLimitPoints: 100_000, trustedOperations: [byName("PartnershipMap").id] });
    expect((await post(persisted(byName("PartnershipMap").id, { first: 2 }), { "x-api-key": key })).status).toBe(200);
    expect((await post(persisted(byName("NetworkStats").id), { "x-api-key": key })).status).toBe(404);
    const { key: free } = await network.apiKeys.create({ name: "Analytics partner", origins: [], rateLimitPoints: 100_000, allowFreeForm: true });
    const response = await post({ query: `{ country(code: "JP") { name } }` }, { "x-api-key": free });
    expect(((await response.json()) as any).data).toEqual({ country: { name: "Japan" } });
  });

  it("an unknown or revoked key is 401 INVALID_API_KEY", async () => {
    const { key, record } = await network.apiKeys.create({ name: "Soon revoked", origins: [], rateLimitPoints: 1000 });
    expect((await post(persisted(byName("NetworkStats").id), { "x-api-key": key })).status).toBe(200);
    expect(await network.apiKeys.revoke(record.id)).toBe(1);
    const revoked = await post(persisted(byName("NetworkStats").id), { "x-api-key": key });
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as any).errors[0].extensions.code).toBe("INVALID_API_KEY");
    expect((await post(persisted(byName("NetworkStats").id), { "x-api-key": "scg_unknown" })).status).toBe(401);
  });

  it("keys are stored hashed", async () => {
    const { key } = await network.apiKeys.create({ name: "Hash check", origins: [], rateLimitPoints: 1000 });
    const rows = await network.apiKeys.list();
    expect(JSON.stringify(rows)).not.toContain(key);
  });
});

describe("rate limits in operation cost", () => {
  it("a key over its budget gets 429 RATE_LIMITED with Retry-After and RateLimit headers; others are unaffected", async () => {
    const { key } = await network.apiKeys.create({ name: "Tiny budget", origins: [], rateLimitPoints: 100 });
    const operation = persisted(byName("DirectorySearch").id, { first: 10 });
    const first = await post(operation, { "x-api-key": key });
    expect(first.status).toBe(200);
    let remaining = Number(first.headers.get("ratelimit-remaining"));
    const cost = 100 - remaining;
    expect(cost).toBeGreaterThan(1);
    let refused: Response | null = null;
    for (let i = 0; i < 5 && !refused; i++) {
      const response = await post(operation, { "x-api-key": key });
      if (response.status === 429) refused = response;
      else remaining = Number(response.headers.get("ratelimit-remaining"));
    }
    expect(refused).not.toBeNull();
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThan(0);
    // Refused because what is left is less than the operation costs; the refusal itself spent one point.
    expect(remaining).toBeLessThan(cost);
    expect(refused!.headers.get("ratelimit-remaining")).toBe(String(remaining - 1));
    const body = (await refused!.json()) as any;
    expect(body.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(body.errors[0].message).toMatch(/100 cost points a minute/);
    const other = await post(persisted(byName("NetworkStats").id));
    expect(other.status).toBe(200);
  });
});

describe("masked errors (production profile)", () => {
  it("an unexpected error says nothing internal and carries a request id", async () => {
    const token = await analyst();
    const response = await post({ query: `{ community(slug: "kobe-jp") { name } }` }, { authorization: `Bearer ${token}` });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await post(persisted("f".repeat(64)));
    const body = (await refused.json()) as any;
    expect(body.errors[0].extensions.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(body)).not.toMatch(/stack|127\.0\.0\.1|postgres|SELECT/i);
  });
});
