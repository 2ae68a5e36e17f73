import { readFileSync } from "node:fs";
import { join } from "node:path";
import { communityId, Role } from "@scg/shared";
import { ApiKeyStore, createGatewayDataSource, loadConfig, signUserToken, type PersistedQueryManifest } from "@scg/gateway";
import { haproxyPath } from "./cluster-balancer";
import { execute, runCluster, type RunningCluster } from "./testing";

/**
 * `npm run start:cluster -- --replicas 2` run, broken and measured: two gateway replicas behind
 * HAProxy, sharing Postgres and Redis. Needs HAProxy, a Postgres server and Redis (CI has all three;
 * the suite says why it is skipped elsewhere).
 */
const missing = [
  !haproxyPath() && "HAProxy (apt-get install haproxy)",
  process.env.TEST_DATABASE_KIND === "embedded" && "a Postgres server (DATABASE_URL)",
  !process.env.REDIS_URL && "Redis (REDIS_URL)",
].filter(Boolean);
const describeCluster = missing.length === 0 ? describe : (name: string, fn: () => void) => describe.skip(`${name} (skipped: needs ${missing.join(", ")})`, fn);

const manifest = JSON.parse(readFileSync(join(__dirname, "..", "..", "gateway", "persisted-operations.json"), "utf8")) as PersistedQueryManifest;
const idOf = (name: string) => manifest.operations.find((o) => o.name === name)!.id;

/** A trusted operation by GET, as pages send them (idempotent: the balancer may replay it on another replica). */
function persistedUrl(base: string, name: string, variables: Record<string, unknown>): string {
  const url = new URL(base);
  url.searchParams.set("operationName", name);
  url.searchParams.set("variables", JSON.stringify(variables));
  url.searchParams.set("extensions", JSON.stringify({ persistedQuery: { version: 1, sha256Hash: idOf(name) } }));
  return url.href;
}

type Body = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };

const getJson = async (url: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { headers: { "apollo-require-preflight": "true", ...headers } });
  const text = await response.text();
  let body: Body;
  try {
    body = JSON.parse(text) as Body;
  } catch {
    body = { errors: [{ message: `HTTP ${response.status}, not JSON: ${text.replace(/\s+/g, " ").slice(0, 120)}` }] };
  }
  return { response, body };
};

interface LoadReport {
  requests: number;
  failures: string[];
}

/**
 * Steady load through the balancer: `concurrency` loops each asking for community pages (rotating
 * over `slugs`) until `done()` says stop or `maxRequests` were sent. A failure is anything but a 200
 * with data and no error.
 */
async function steadyLoad(url: string, slugs: readonly string[], done: () => boolean, { concurrency = 6, maxRequests = 4000 } = {}): Promise<LoadReport> {
  const report: LoadReport = { requests: 0, failures: [] };
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = worker; !done() && report.requests < maxRequests; i += concurrency) {
        report.requests += 1;
        try {
          const { response, body } = await getJson(persistedUrl(url, "CommunityProfile", { slug: slugs[i % slugs.length] }));
          if (response.status !== 200 || body.errors || !body.data?.community) report.failures.push(`${response.status} ${JSON.stringify(body.errors ?? body.data).slice(0, 200)}`);
        } catch (error) {
          report.failures.push(String(error));
        }
      }
    }),
  );
  return report;
}

const waitFor = async (condition: () => boolean | Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Not true within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const isAlive = (pid: number | undefined) => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describeCluster("two gateway replicas behind HAProxy", () => {
  let cluster: RunningCluster;
  let slugs: string[];
  let staff: string;
  const keys = { store: null as ApiKeyStore | null, dataSource: null as ReturnType<typeof createGatewayDataSource> | null };

  beforeAll(async () => {
    // Every request of this test comes from 127.0.0.1: a large anonymous budget keeps the load
    // generator from meeting the per-IP limit (keys keep their own, tested below).
    cluster = await runCluster(2, { API_KEY_CACHE_SECONDS: "2", RESPONSE_CACHE_ENABLED: "true", RATE_LIMIT_ANONYMOUS_POINTS: "100000000" });
    const { body } = await getJson(`${cluster.gatewayUrl}?query=${encodeURIComponent(`{ communities(filter: { countryCode: "US" }, first: 120) { nodes { slug } } }`)}`);
    slugs = body.data.communities.nodes.map((c: { slug: string }) => c.slug);
    staff = `Bearer ${await signUserToken({ subject: "cluster-staff", roles: [Role.STAFF], communityIds: [], organizationIds: [] }, loadConfig({}).jwt)}`;
    keys.dataSource = createGatewayDataSource(process.env.TEST_DATABASE_URL!, { poolSize: 1 });
    await keys.dataSource.initialize();
    keys.store = new ApiKeyStore(keys.dataSource, 0);
  }, 150_000);

  afterAll(async () => {
    await keys.dataSource?.destroy();
    if (!cluster) return;
    const { balancer, replicas } = cluster.state();
    expect(await cluster.interrupt()).toBe(0);
    // Ctrl-C leaves nothing behind: the balancer and every replica are gone.
    for (const pid of [balancer.pid, ...replicas.map((r) => r.pid)]) expect(isAlive(pid)).toBe(false);
  });

  it("serves through the balancer on GATEWAY_PORT and spreads requests over both replicas", async () => {
    const { response, body } = await getJson(persistedUrl(cluster.gatewayUrl, "CommunityProfile", { slug: "seattle-wa-us" }));
    expect(response.status).toBe(200);
    expect(body.data.community.sisterCities).toHaveLength(16);
    const state = cluster.state();
    expect(state.replicas.map((r) => r.name)).toEqual(["gateway-1", "gateway-2"]);
    for (const replica of state.replicas) expect((await fetch(`${replica.url}/ready`)).status).toBe(200);
  });

  it("one rate-limit budget for a key, whichever replica answers", async () => {
    const { key } = await keys.store!.create({ name: "Cluster budget", origins: [], rateLimitPoints: 40, trustedOperations: null, allowFreeForm: false });
    const [a, b] = cluster.state().replicas;
    const remaining: number[] = [];
    let refusedAt = 0;
    for (let i = 0; i < 60 && !refusedAt; i++) {
      const replica = i % 2 === 0 ? a : b;
      const { response } = await getJson(persistedUrl(`${replica.url}/graphql`, "NetworkStats", {}), { "x-api-key": key });
      if (response.status === 429) refusedAt = i + 1;
      else remaining.push(Number(response.headers.get("ratelimit-remaining")));
    }
    // The count falls with every request, alternately answered by A and B: one budget, not two.
    expect(remaining.length).toBeGreaterThan(3);
    expect(remaining).toEqual([...remaining].sort((x, y) => y - x));
    expect(new Set(remaining).size).toBe(remaining.length);
    expect(refusedAt).toBeGreaterThan(0);
    expect(refusedAt).toBeLessThanOrEqual(41);
  });

  it("a partnership signed on replica A is on replica B's cached community page at once", async () => {
    const [a, b] = cluster.state().replicas;
    const page = () => getJson(persistedUrl(`${b.url}/graphql`, "CommunityProfile", { slug: "kenai-ak-us" }));
    const partners = (body: { data?: any }) => body.data.community.sisterCities.map((s: any) => s.partner.slug);
    const before = await page();
    expect(partners(before.body)).not.toContain("taraz-kz");
    expect((await page()).response.headers.get("x-cache")).toBe("HIT");

    const us = communityId("kenai-ak-us");
    const abroad = communityId("taraz-kz");
    const post = (query: string, variables: Record<string, unknown>) =>
      fetch(`${a.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: staff }, body: JSON.stringify({ query, variables }) }).then((r) => r.json() as Promise<any>);
    const proposed = await post(`mutation($input: ProposePartnershipInput!) { proposePartnership(input: $input) { id } }`, { input: { communityIds: [us, abroad] } });
    expect(proposed.errors).toBeUndefined();
    const id = proposed.data.proposePartnership.id;
    try {
      const sign = (communityId: string) =>
        post(`mutation($id: ID!, $input: SignPartnershipInput!) { signPartnership(id: $id, input: $input) { status } }`, {
          id, input: { communityId, signatoryName: "Cluster Test", signatoryTitle: "Mayor", signedOn: "2026-11-30" },
        });
      expect((await sign(us)).errors).toBeUndefined();
      expect((await sign(abroad)).data.signPartnership.status).toBe("ACTIVE");
      const after = await page();
      expect(after.response.headers.get("x-cache")).toBe("MISS");
      expect(partners(after.body)).toContain("taraz-kz");
    } finally {
      await execute(`DELETE FROM partnerships.partnership WHERE id = $1`, [id]);
      await execute(`UPDATE directory.community SET partnership_count = partnership_count - 1 WHERE id = ANY($1::uuid[])`, [[us, abroad]]);
    }
  });

  it("a key revoked is refused by the other replica within API_KEY_CACHE_SECONDS", async () => {
    const { key, record } = await keys.store!.create({ name: "Cluster revocation", origins: [], rateLimitPoints: 10_000, trustedOperations: null, allowFreeForm: false });
    const [, b] = cluster.state().replicas;
    const ask = () => getJson(persistedUrl(`${b.url}/graphql`, "NetworkStats", {}), { "x-api-key": key });
    expect((await ask()).response.status).toBe(200);
    await keys.store!.revoke(record.id);
    const revokedAt = Date.now();
    await waitFor(async () => (await ask()).response.status === 401, 10_000);
    expect(Date.now() - revokedAt).toBeLessThanOrEqual(2000 + 1000);
    expect((await ask()).body.errors?.[0].extensions?.code).toBe("INVALID_API_KEY");
  });

  it("a replica killed with SIGKILL under load costs zero failed requests; it is restarted and back in the pool", async () => {
    const victim = cluster.state().replicas[0];
    let stop = false;
    const load = steadyLoad(cluster.gatewayUrl, slugs, () => stop);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    process.kill(victim.pid!, "SIGKILL");
    await waitFor(() => cluster.state().replicas[0].pid !== victim.pid, 15_000);
    await waitFor(async () => (await fetch(`${victim.url}/ready`).then((r) => r.status, () => 0)) === 200, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // back in the pool, under load
    stop = true;
    const report = await load;
    expect(report.failures).toEqual([]);
    expect(report.requests).toBeGreaterThan(50);
  }, 120_000);

  it("a rolling restart of every replica (SIGHUP) under load costs zero failed requests", async () => {
    const before = cluster.state().replicas.map((r) => r.pid);
    let stop = false;
    const load = steadyLoad(cluster.gatewayUrl, slugs, () => stop);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    cluster.hangup();
    await waitFor(() => cluster.lines.some((line) => line.includes("rolling restart done")) || cluster.state().replicas.every((r, i) => r.pid !== before[i]), 90_000);
    await waitFor(async () => (await Promise.all(cluster.state().replicas.map((r) => fetch(`${r.url}/ready`).then((x) => x.ok, () => false)))).every(Boolean), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    stop = true;
    const report = await load;
    expect(cluster.state().replicas.map((r) => r.pid)).not.toEqual(before);
    expect(report.failures).toEqual([]);
    expect(report.requests).toBeGreaterThan(50);
  }, 150_000);
});
