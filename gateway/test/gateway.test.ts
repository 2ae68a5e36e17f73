import { communityId, Role } from "@scg/shared";
import { graphqlRequest } from "@scg/shared/testing";
import { startNetwork, type Network } from "@scg/scripts/testing";

let network: Network;
beforeAll(async () => {
  network = await startNetwork();
});
afterAll(() => network?.stop());

const ask = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
  graphqlRequest(network.gatewayUrl, query, { variables, headers });

describe("gateway", () => {
  it("answers a directory query through the supergraph", async () => {
    const { status, data, errors } = await ask(`{ community(slug: "seattle-wa-us") { slug country { code name } location { latitude longitude } } }`);
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    expect(data.community).toMatchObject({ slug: "seattle-wa-us", country: { code: "US", name: "United States" } });
  });

  it("reports health and readiness", async () => {
    const base = network.gatewayUrl.replace(/\/graphql$/, "");
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; subgraphs: Record<string, string> };
    expect(body.status).toBe("ready");
    expect(Object.values(body.subgraphs).every((state) => state === "up")).toBe(true);
  });

  it("serves the self-hosted IDE to a browser, with its scripts from the gateway itself", async () => {
    const page = await fetch(network.gatewayUrl, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("GraphiQL");
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[a-z0-9.-]+\//i);
    const base = network.gatewayUrl.replace(/\/graphql$/, "");
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets).toHaveLength(2); // the bundle's script and stylesheet
    for (const path of assets) expect({ path, status: (await fetch(`${base}${path}`)).status }).toEqual({ path, status: 200 });
    expect((await fetch(`${base}/assets/nothing-here.js`)).status).toBe(404);
  });

  it("accepts a valid token and refuses a bad one with 401 UNAUTHENTICATED", async () => {
    const token = await network.tokenFor({ subject: "admin-1", roles: [Role.MEMBER_ADMIN], communityIds: [communityId("seattle-wa-us")], organizationIds: [] });
    const ok = await ask(`{ country(code: "JP") { name } }`, {}, { authorization: `Bearer ${token}` });
    expect(ok.errors).toBeUndefined();
    const bad = await ask(`{ country(code: "JP") { name } }`, {}, { authorization: `Bearer ${token.slice(0, -2)}xx` });
    expect(bad.status).toBe(401);
    expect(bad.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("never forwards a client's own credential header to the subgraphs", async () => {
    const forged = await ask(`{ country(code: "JP") { name } }`, {}, { "x-scg-gateway-credential": "forged" });
    expect(forged.status).toBe(200);
    expect(forged.data.country.name).toBe("Japan");
  });
});
