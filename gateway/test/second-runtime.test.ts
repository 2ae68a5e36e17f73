import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEVELOPMENT_INTERNAL_SECRET, signInternalCredential } from "@scg/shared";
import { graphqlRequest } from "@scg/shared/testing";
import { freePort, startNetwork, type Network } from "@scg/scripts/testing";

/**
 * The same committed supergraph on a second runtime: Hive Gateway (MIT) with Hive Router's Rust
 * query planner, over the same running subgraphs (with the internal credential they require),
 * answers every contract read operation exactly as our gateway does.
 */
const ROOT = join(__dirname, "..", "..");
const operation = (name: string) => readFileSync(join(ROOT, "gateway", "operations", `${name}.graphql`), "utf8");

/** Every read operation of the contract, with variables that make it return real data. */
const READS: [string, Record<string, unknown>][] = [
  ["CommunityProfile", { slug: "seattle-wa-us" }],
  ["CommunityProfile", { slug: "minneapolis-mn-us" }],
  ["CountryPartnerships", { code: "JP", first: 100 }],
  ["DirectorySearch", { filter: { search: "san", countryCode: "US" }, first: 50 }],
  ["NetworkStats", {}],
  ["PartnershipMap", { filter: { partnerCountryCode: "DE" }, first: 200 }],
  ["MapFacets", { filter: { countryCode: "US", regionCode: "WA" }, forCountry: {}, forState: {}, forRegion: {}, forStatus: {}, forFocus: {} }],
  ["UpcomingEvents", { filter: { from: "2015-01-01T00:00:00Z" }, first: 50 }],
  ["YouthPrograms", { filter: { ageGroups: ["TEENS"] }, first: 50 }],
  ["SisterCitiesWidget", { slug: "seattle-wa-us", withEvents: true }],
];

let network: Network;
let hive: ChildProcess;
let hiveUrl: string;

beforeAll(async () => {
  network = await startNetwork({ gatewayEnv: { RATE_LIMIT_ENABLED: "false", RESPONSE_CACHE_ENABLED: "false", ENTITY_CACHE_ENABLED: "false" } });
  const port = await freePort();
  hiveUrl = `http://127.0.0.1:${port}/graphql`;
  const credential = await signInternalCredential({ identity: null, caller: "second-runtime" }, DEVELOPMENT_INTERNAL_SECRET, 3600);
  const urls = Object.fromEntries(Object.entries(network.subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
  hive = spawn(process.execPath, [join(ROOT, "scripts", "dist", "bench", "hive-gateway.js"), join(ROOT, "gateway", "supergraph.graphql"), String(port), credential, JSON.stringify(urls)], {
    // Never jest's own pipes: a child that outlived its test would keep jest from exiting.
    stdio: "ignore",
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const up = await graphqlRequest(hiveUrl, "{ __typename }").then((r) => r.status === 200, () => false);
    if (up) break;
    if (hive.exitCode !== null || Date.now() > deadline) throw new Error("Hive Gateway did not start.");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, 90_000);

afterAll(async () => {
  if (hive && hive.exitCode === null && hive.signalCode === null) {
    const exited = new Promise((resolve) => hive.once("exit", resolve));
    hive.kill("SIGTERM");
    const timer = setTimeout(() => hive.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
  await network?.stop();
});

describe("Hive Gateway over the committed supergraph", () => {
  it.each(READS)("%s %j: the same answer as our gateway", async (name, variables) => {
    // Other test files write to the same database (Seattle gains proposals): when the two answers
    // differ, ask ours again; only if ours is unchanged is the difference the runtimes'.
    const ask = (url: string) => graphqlRequest(url, operation(name), { variables });
    let [ours, theirs] = await Promise.all([ask(network.gatewayUrl), ask(hiveUrl)]);
    for (let attempt = 0; attempt < 3 && JSON.stringify(theirs.data) !== JSON.stringify(ours.data); attempt++) {
      const again = await ask(network.gatewayUrl);
      if (JSON.stringify(again.data) === JSON.stringify(ours.data)) break; // the data held still: a real difference
      [ours, theirs] = await Promise.all([ask(network.gatewayUrl), ask(hiveUrl)]);
    }
    expect(ours.errors).toBeUndefined();
    expect(theirs.errors).toBeUndefined();
    expect(ours.data).not.toBeNull();
    expect(theirs.data).toEqual(ours.data);
  });

  it("the comparison can fail: a different answer is seen as different", async () => {
    const [seattle, chicago] = await Promise.all([
      graphqlRequest(hiveUrl, operation("CommunityProfile"), { variables: { slug: "seattle-wa-us" } }),
      graphqlRequest(network.gatewayUrl, operation("CommunityProfile"), { variables: { slug: "chicago-il-us" } }),
    ]);
    expect(seattle.data).not.toEqual(chicago.data);
  });
});
