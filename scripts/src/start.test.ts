import { readFileSync } from "node:fs";
import { join } from "node:path";
import { graphqlRequest } from "@scg/shared/testing";
import { runNetwork, type RunningNetwork } from "./testing/index";

const profile = readFileSync(join(__dirname, "..", "..", "gateway", "operations", "CommunityProfile.graphql"), "utf8");
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm start supervises the network", () => {
  let network: RunningNetwork;
  beforeAll(async () => {
    // Caches off: every answer must come from the subgraphs as they are at that moment.
    network = await runNetwork({ RESPONSE_CACHE_ENABLED: "false", ENTITY_CACHE_ENABLED: "false" });
  }, 120_000);
  afterAll(async () => {
    if (network && network.runner.exitCode === null) await network.interrupt();
  });

  it("a subgraph killed with SIGKILL costs its own fields at once, and is back within seconds", async () => {
    const ask = () => graphqlRequest(network.gatewayUrl, profile, { variables: { slug: "seattle-wa-us" } });
    const whole = await ask();
    expect(whole.errors).toBeUndefined();
    expect(whole.data.community.partnershipCount).toBe(16);

    const pid = network.pid("partnerships")!;
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, "SIGKILL");
    const partial = await ask();
    expect(partial.status).toBe(200);
    expect(partial.data.community).toMatchObject({ slug: "seattle-wa-us", name: "Seattle", partnershipCount: null, sisterCities: null });
    expect(partial.data.community.events.length).toBeGreaterThan(0);
    expect(new Set(partial.errors!.map((e) => e.extensions?.code))).toEqual(new Set(["SERVICE_UNAVAILABLE"]));

    const started = Date.now();
    let back = partial;
    while (Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      back = await ask();
      if (!back.errors && back.data.community.partnershipCount === 16) break;
    }
    expect(back.errors).toBeUndefined();
    expect(back.data.community.sisterCities).toHaveLength(16);
    expect(network.pid("partnerships")).not.toBe(pid);
    const exit = network.lines.map((line) => JSON.parse(line.startsWith("{") ? line : "{}")).find((entry) => entry.msg === "partnerships exited unexpectedly; restarting it");
    expect(exit).toMatchObject({ process: "partnerships", signal: "SIGKILL" });
  }, 60_000);

  it("Ctrl-C stops every process it started", async () => {
    const pids = ["directory", "partnerships", "programs", "events", "gateway"].map((name) => network.pid(name)!);
    expect(pids.every((pid) => pid > 0 && alive(pid))).toBe(true);
    await network.interrupt();
    expect(pids.filter(alive)).toEqual([]);
  }, 30_000);
});
