import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { graphqlRequest } from "@scg/shared";
import { startNetwork, type Network } from "./support/start-network";

const communityProfile = readFileSync(join(__dirname, "..", "operations", "CommunityProfile.graphql"), "utf8");

function expectPartialProfile(response: Awaited<ReturnType<typeof graphqlRequest<any>>>, missing: string) {
  expect(response.status).toBe(200);
  const community = response.data.community;
  // Directory and partnerships still answer...
  expect(community.slug).toBe("seattle-wa-us");
  expect(community.country.code).toBe("US");
  expect(community.partnershipCount).toBe(16);
  expect(community.sisterCities.map((s: any) => s.partner.slug)).toContain("kobe-jp");
  // ...and the missing subgraph's fields carry an error that names the service, not its address.
  const errors = response.errors ?? [];
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(error.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.message).toMatch(new RegExp(`The ${missing} service`));
    expect(JSON.stringify(error)).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|:\d{2,5}\//);
  }
}

describe("a subgraph that is down", () => {
  let network: Network;
  beforeAll(async () => {
    network = await startNetwork({ without: ["programs"], gatewayEnv: { NODE_ENV: "production", INTERNAL_SECRET: "development-only-internal-secret-change-me-in-production", JWT_SECRET: "x".repeat(32), SHARED_STORE: "memory" } });
  });
  afterAll(() => network?.stop());

  it("leaves the other three subgraphs' data, with an error on the missing part only (HTTP 200)", async () => {
    const token = await network.tokenFor({ subject: "a", roles: ["ANALYST"], communityIds: [], organizationIds: [] });
    const response = await graphqlRequest(network.gatewayUrl, communityProfile, { variables: { slug: "seattle-wa-us" }, headers: { authorization: `Bearer ${token}` } });
    expectPartialProfile(response, "programs");
    expect(response.data.community.events).toBeDefined();
  });

  it("is reported by /ready (503), while /health stays 200", async () => {
    const base = network.gatewayUrl.replace(/\/graphql$/, "");
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as any).subgraphs).toMatchObject({ programs: "down", directory: "up" });
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});

describe("a subgraph that hangs", () => {
  let network: Network;
  let hanging: Server;
  beforeAll(async () => {
    // Accepts connections and never answers: a stand-in for an overloaded service.
    hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/graphql`;
    network = await startNetwork({ without: ["programs"], gatewayEnv: { PROGRAMS_URL: url, SUBGRAPH_TIMEOUT_MS: "500" } });
  });
  afterAll(async () => {
    await network?.stop();
    hanging.closeAllConnections();
    await new Promise((resolve) => hanging.close(resolve));
  });

  it("is cut off at the subgraph timeout; the rest of the answer stands", async () => {
    const response = await graphqlRequest(network.gatewayUrl, communityProfile, { variables: { slug: "seattle-wa-us" } });
    expectPartialProfile(response, "programs");
    expect(response.errors?.[0].message).toMatch(/did not answer within 500 ms/);
  });
});

describe("Redis that is down", () => {
  let network: Network;
  beforeAll(async () => {
    network = await startNetwork({ gatewayEnv: { SHARED_STORE: "redis", REDIS_URL: "redis://127.0.0.1:9" } });
  });
  afterAll(() => network?.stop());

  it("costs the caches and shared rate limits, never an answer", async () => {
    for (let i = 0; i < 2; i++) {
      const response = await graphqlRequest(network.gatewayUrl, `{ community(slug: "kobe-jp") { name } }`);
      expect(response.status).toBe(200);
      expect(response.data).toEqual({ community: { name: "Kobe" } });
      expect(response.headers.get("x-cache")).toBeNull();
    }
  });
});
