import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { graphqlRequest } from "@scg/shared/testing";
import { startNetwork, type Network } from "@scg/scripts/testing";

const operation = (name: string) => readFileSync(join(__dirname, "..", "operations", `${name}.graphql`), "utf8");

type Subgraph = "directory" | "partnerships" | "programs" | "events";
const SUBGRAPHS: Subgraph[] = ["directory", "partnerships", "programs", "events"];

/**
 * A value the page shows, and every subgraph it needs: the one that answers it and every one its
 * parents need, up to where the contract's types stop a null (a nullable field). When one
 * subgraph is out, every probe that does not need it must still be there.
 */
interface Probe {
  path: string;
  needs: Subgraph[];
}
interface Case {
  name: string;
  variables: Record<string, unknown>;
  probes: Probe[];
}

/**
 * The contract's read operations. Where a probe needs more subgraphs than its own, it is because
 * the contract's non-null types carry a missing field up: a partnership's `communities` are
 * `[Community!]!` with `name: String!`, so a directory outage empties a partnership list; a program's
 * `partnership` is `Partnership!` with `status: PartnershipStatus!`, so a partnerships outage
 * empties a program list. Everything one subgraph adds to another's entity is nullable and so stops
 * the outage there.
 */
const CASES: Case[] = [
  {
    name: "CommunityProfile",
    variables: { slug: "seattle-wa-us" },
    probes: [
      { path: "community.name", needs: ["directory"] },
      { path: "community.organizations", needs: ["directory"] },
      { path: "community.partnershipCount", needs: ["directory", "partnerships"] },
      { path: "community.sisterCities.0.partner.name", needs: ["directory", "partnerships"] },
      { path: "community.sisterCities.0.partnership.programs", needs: ["directory", "partnerships", "programs"] },
      { path: "community.events", needs: ["directory", "events"] },
    ],
  },
  {
    name: "CountryPartnerships",
    variables: { code: "JP", first: 5 },
    probes: [
      { path: "country.name", needs: ["directory"] },
      { path: "country.partnershipCount", needs: ["directory", "partnerships"] },
      { path: "country.partnerships.edges.0.node.communities.0.name", needs: ["directory", "partnerships"] },
    ],
  },
  {
    name: "DirectorySearch",
    variables: { filter: { search: "san", countryCode: "US" }, first: 5 },
    probes: [
      { path: "communities.edges.0.node.name", needs: ["directory"] },
      { path: "communities.edges.0.node.partnershipCount", needs: ["directory", "partnerships"] },
    ],
  },
  { name: "NetworkStats", variables: {}, probes: [{ path: "networkStats.partnerships", needs: ["partnerships"] }] },
  {
    name: "PartnershipMap",
    variables: { first: 5 },
    probes: [{ path: "partnerships.edges.0.node.communities.0.location", needs: ["partnerships", "directory"] }],
  },
  {
    name: "UpcomingEvents",
    variables: { filter: { from: "2010-01-01T00:00:00Z" }, first: 5 },
    probes: [
      { path: "events.edges.0.node.title", needs: ["events"] },
      { path: "events.edges.0.node.host.name", needs: ["events", "directory"] },
    ],
  },
  {
    name: "YouthPrograms",
    variables: { first: 5 },
    probes: [
      { path: "programs.edges.0.node.title", needs: ["programs", "partnerships", "directory"] },
      { path: "programs.edges.0.node.events", needs: ["programs", "partnerships", "directory", "events"] },
    ],
  },
];

const at = (data: unknown, path: string) => path.split(".").reduce<any>((value, key) => (value == null ? value : value[key]), data);

let network: Network;
let hanging: Server;
let hangingUrl: string;
const answers = new Map<string, unknown>();

beforeAll(async () => {
  network = await startNetwork({ gatewayEnv: { RESPONSE_CACHE_ENABLED: "false", ENTITY_CACHE_ENABLED: "false", RATE_LIMIT_ENABLED: "false" } });
  // Accepts connections and never answers: a stand-in for an overloaded service.
  hanging = createServer(() => undefined);
  await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/graphql`;
  // Every probe is there when nothing is out (so a probe can fail only because of the outage).
  for (const { name, variables, probes } of CASES) {
    const response = await graphqlRequest(network.gatewayUrl, operation(name), { variables });
    expect({ name, errors: response.errors }).toEqual({ name, errors: undefined });
    for (const probe of probes) expect({ name, path: probe.path, value: at(response.data, probe.path) ?? null }).not.toEqual({ name, path: probe.path, value: null });
    answers.set(name, response.data);
  }
});
afterAll(async () => {
  await network?.stop();
  hanging?.closeAllConnections();
  await new Promise((resolve) => hanging?.close(resolve));
});

describe.each(SUBGRAPHS.flatMap((subgraph) => [[subgraph, "down"] as const, [subgraph, "hanging"] as const]))("the %s subgraph %s", (subgraph, mode) => {
  let gateway: { url: string; stop(): Promise<void> };
  beforeAll(async () => {
    const url = mode === "down" ? "http://127.0.0.1:9/graphql" : hangingUrl;
    gateway = await network.startGateway({ [`${subgraph.toUpperCase()}_URL`]: url, SUBGRAPH_TIMEOUT_MS: "400" });
  });
  afterAll(() => gateway?.stop());

  const touching = CASES.filter((c) => c.probes.some((probe) => probe.needs.includes(subgraph)));
  it.each(touching.map((c) => [c.name, c] as const))("%s: HTTP 200, every other subgraph's data, SERVICE_UNAVAILABLE on the affected paths only", async (_name, { name, variables, probes }) => {
    const response = await graphqlRequest(gateway.url, operation(name), { variables });
    expect(response.status).toBe(200);
    for (const probe of probes) {
      const value = at(response.data, probe.path);
      if (probe.needs.includes(subgraph)) expect({ path: probe.path, value: value ?? null }).toEqual({ path: probe.path, value: null });
      else expect({ path: probe.path, value }).toEqual({ path: probe.path, value: at(answers.get(name), probe.path) });
    }
    const errors = response.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions?.code).toBe("SERVICE_UNAVAILABLE");
      expect(error.message).toMatch(new RegExp(`^The ${subgraph} service ${mode === "down" ? "is unavailable" : "did not answer within 400 ms"}`));
      // Never the service's address or the transport's own words.
      expect(JSON.stringify(error)).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED|:\d{2,5}\//);
    }
  });

  it("is reported by /ready (503) while /health stays 200, and /serving keeps the replica in its balancer's pool", async () => {
    const base = gateway.url.replace(/\/graphql$/, "");
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as any).subgraphs).toEqual(Object.fromEntries(SUBGRAPHS.map((name) => [name, name === subgraph ? "down" : "up"])));
    expect((await fetch(`${base}/health`)).status).toBe(200);
    // It still answers every page's other fields: a balancer must not take it out.
    expect((await fetch(`${base}/serving`)).status).toBe(200);
  });
});

describe("Redis that is down", () => {
  let gateway: { url: string; stop(): Promise<void> };
  beforeAll(async () => {
    gateway = await network.startGateway({ SHARED_STORE: "redis", REDIS_URL: "redis://127.0.0.1:9", RESPONSE_CACHE_ENABLED: "true", ENTITY_CACHE_ENABLED: "true", RATE_LIMIT_ENABLED: "true" });
  });
  afterAll(() => gateway?.stop());

  it("costs the caches and shared rate limits, never an answer", async () => {
    for (let i = 0; i < 2; i++) {
      const response = await graphqlRequest(gateway.url, `{ community(slug: "kobe-jp") { name } }`);
      expect(response.status).toBe(200);
      expect(response.data).toEqual({ community: { name: "Kobe" } });
      expect(response.headers.get("x-cache")).toBeNull();
      expect(Number(response.headers.get("ratelimit-remaining"))).toBeGreaterThan(0);
    }
  });
});
