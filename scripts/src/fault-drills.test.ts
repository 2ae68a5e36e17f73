import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "pg";
import { communityId } from "@scg/shared";
import { runNetwork, startTcpProxy, type RunningNetwork, type TcpProxy } from "./testing/index";

/**
 * Fault drills: steady load (four clients, reads and registrations) through `npm start`'s network
 * while one part fails — a subgraph killed, the database connection cut for 3 s, Redis cut for
 * 3 s — counting what failed and how long until answers were clean again. Faults are made through
 * TCP proxies this test controls; the machine's own Postgres and Redis are never touched.
 */
const operations = join(__dirname, "..", "..", "gateway", "operations");
const text = (name: string) => readFileSync(join(operations, `${name}.graphql`), "utf8");
const CLIENTS = 4;

interface Outcome {
  at: number;
  op: string;
  status: number;
  codes: string[];
  /** Errors without a code, or masked ones: these would be bugs. */
  uncoded: number;
  email?: string;
  registrationId?: string;
}

interface DrillReport {
  drill: string;
  requests: number;
  http5xx: number;
  codedErrors: Record<string, number>;
  uncoded: number;
  writesCommitted: number;
  writesRefused: number;
  /** From the fault to the last answer with an error (0: none failed). */
  recoveryMs: number;
}

const reports: DrillReport[] = [];
let eventId: string;

async function sql<T = any>(query: string, parameters: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(query, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}

async function send(url: string, op: string, variables: Record<string, unknown>): Promise<Omit<Outcome, "at" | "op">> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: text(op), variables }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await response.json().catch(() => ({}))) as { data?: any; errors?: { extensions?: { code?: string } }[] };
    const codes = (body.errors ?? []).map((error) => error.extensions?.code ?? "");
    return {
      status: response.status,
      codes: codes.filter((code) => code && code !== "INTERNAL_SERVER_ERROR"),
      uncoded: codes.filter((code) => !code || code === "INTERNAL_SERVER_ERROR").length,
      registrationId: body.data?.registerForEvent?.id,
    };
  } catch {
    return { status: 0, codes: [], uncoded: 1 };
  }
}

/** Four clients in a loop until `until()`: community pages, the calendar, a country page, and registrations. */
async function steadyLoad(url: string, outcomes: Outcome[], until: () => boolean) {
  const pages = ["seattle-wa-us", "chicago-il-us", "honolulu-hi-us", "minneapolis-mn-us"];
  const plan: [string, () => Record<string, unknown>][] = [
    ["CommunityProfile", () => ({ slug: pages[Math.floor(Math.random() * pages.length)] })],
    ["UpcomingEvents", () => ({ first: 10 })],
    ["CountryPartnerships", () => ({ code: "JP", first: 10 })],
    ["RegisterForEvent", () => ({ eventId, attendee: { name: "Drill Attendee", email: `drill-${randomUUID()}@example.org` } })],
  ];
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = client; !until(); i++) {
        const [op, variables] = plan[i % plan.length];
        const input = variables();
        const result = await send(url, op, input);
        outcomes.push({ at: Date.now(), op, ...result, email: (input.attendee as { email?: string } | undefined)?.email });
      }
    }),
  );
}

const clean = (outcome: Outcome) => outcome.status === 200 && outcome.codes.length === 0 && outcome.uncoded === 0;

/** Runs load, the fault, and load until 40 answers in a row are clean (at most 30 s); checks writes in the database. */
async function drill(name: string, network: RunningNetwork, fault: () => Promise<void>): Promise<{ report: DrillReport; outcomes: Outcome[] }> {
  const outcomes: Outcome[] = [];
  let stop = false;
  const load = steadyLoad(network.gatewayUrl, outcomes, () => stop);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const faultAt = Date.now();
  await fault();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const recent = outcomes.filter((o) => o.at > faultAt).slice(-40);
    if (recent.length === 40 && recent.every(clean)) break;
  }
  stop = true;
  await load;

  const writes = outcomes.filter((o) => o.op === "RegisterForEvent");
  const committed = writes.filter((o) => o.registrationId);
  const stored = new Set((await sql<{ email: string }>(`SELECT attendee_email AS email FROM events.registration WHERE event_id = $1`, [eventId])).map((r) => r.email));
  // Every write the caller was told succeeded is in the database.
  expect(committed.filter((o) => !stored.has(o.email!))).toEqual([]);
  // And the seat count agrees with the registrations: nothing half-written.
  const [event] = await sql(`SELECT capacity - seats_left AS taken, (SELECT count(*)::int FROM events.registration WHERE event_id = $1 AND cancelled_at IS NULL) AS registered FROM events.event WHERE id = $1`, [eventId]);
  expect(event.taken).toBe(event.registered);

  const failed = outcomes.filter((o) => !clean(o));
  const codedErrors: Record<string, number> = {};
  for (const o of failed) for (const code of o.codes) codedErrors[code] = (codedErrors[code] ?? 0) + 1;
  const report: DrillReport = {
    drill: name,
    requests: outcomes.length,
    http5xx: outcomes.filter((o) => o.status >= 500 || o.status === 0).length,
    codedErrors,
    uncoded: outcomes.reduce((sum, o) => sum + o.uncoded, 0),
    writesCommitted: committed.length,
    writesRefused: writes.length - committed.length,
    recoveryMs: failed.length ? Math.max(...failed.map((o) => o.at)) - faultAt : 0,
  };
  reports.push(report);
  const tail = outcomes.slice(-40);
  expect(tail.filter((o) => !clean(o))).toEqual([]);
  return { report, outcomes };
}

let network: RunningNetwork;
let database: TcpProxy;
let redis: TcpProxy | null = null;

beforeAll(async () => {
  eventId = randomUUID();
  await sql(
    `INSERT INTO events.event (id, title, kind, starts_at, ends_at, timezone, host_community_id, host_country_code, host_region_code, capacity, seats_left,
                               registration_open, provenance_kind, provenance_source)
     VALUES ($1, 'Fault drill reception', 'MEETING', now() + interval '30 days', now() + interval '30 days 2 hours', 'America/Chicago', $2, 'US', 'MN', 100000, 100000,
             true, 'ENTERED', 'Fault drill (test data)')`,
    [eventId, communityId("minneapolis-mn-us")],
  );
  const target = new URL(process.env.TEST_DATABASE_URL!);
  database = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  // Rate limits stay on (counted in Redis where there is one) with a budget the drills' load cannot exhaust.
  const env: Record<string, string> = {
    DATABASE_URL: database.through(process.env.TEST_DATABASE_URL!),
    RESPONSE_CACHE_ENABLED: "false",
    ENTITY_CACHE_ENABLED: "false",
    RATE_LIMIT_ANONYMOUS_POINTS: "100000000",
  };
  if (process.env.REDIS_URL) {
    const redisTarget = new URL(process.env.REDIS_URL);
    redis = await startTcpProxy({ host: redisTarget.hostname, port: Number(redisTarget.port || 6379) });
    Object.assign(env, { REDIS_URL: redis.through(process.env.REDIS_URL), SHARED_STORE: "redis", REDIS_KEY_PREFIX: `scg-drill-${randomUUID()}:` });
  }
  network = await runNetwork(env);
}, 120_000);

afterAll(async () => {
  if (network && network.runner.exitCode === null) await network.interrupt();
  await database?.stop();
  await redis?.stop();
  await sql(`DELETE FROM events.registration WHERE event_id = $1`, [eventId]);
  await sql(`DELETE FROM events.event WHERE id = $1`, [eventId]);
  if (reports.length) {
    const rows = reports.map((r) => `| ${r.drill} | ${r.requests} | ${r.http5xx} | ${Object.entries(r.codedErrors).map(([c, n]) => `${n} ${c}`).join(", ") || "0"} | ${r.uncoded} | ${r.writesCommitted} / ${r.writesRefused} | ${(r.recoveryMs / 1000).toFixed(1)} s |`);
    console.log(["| drill | requests | 5xx | coded errors | uncoded | writes committed / refused | back to clean answers |", "|---|---:|---:|---|---:|---:|---:|", ...rows].join("\n"));
  }
});

describe("fault drills under steady load", () => {
  it("the partnerships subgraph killed (SIGKILL): no 5xx, only its own fields fail, no write lost, back within seconds", async () => {
    const { report, outcomes } = await drill("partnerships subgraph killed", network, async () => {
      process.kill(network.pid("partnerships")!, "SIGKILL");
    });
    expect(report.http5xx).toBe(0);
    expect(report.uncoded).toBe(0);
    expect(Object.keys(report.codedErrors).every((code) => code === "SERVICE_UNAVAILABLE")).toBe(true);
    // Nothing the calendar or registrations need comes from partnerships: those never failed.
    expect(outcomes.filter((o) => (o.op === "UpcomingEvents" || o.op === "RegisterForEvent") && !clean(o))).toEqual([]);
    expect(report.recoveryMs).toBeLessThan(15_000);
  }, 60_000);

  it("the database connection cut for 3 s: no 5xx, coded errors only, no write lost, back after the cut", async () => {
    const { report } = await drill("database connection cut for 3 s", network, () => database.cut(3000));
    expect(report.http5xx).toBe(0);
    expect(report.uncoded).toBe(0);
    expect(Object.keys(report.codedErrors).every((code) => code === "SERVICE_UNAVAILABLE")).toBe(true);
    expect(report.writesCommitted).toBeGreaterThan(0);
    expect(report.recoveryMs).toBeLessThan(15_000);
  }, 60_000);

  (process.env.REDIS_URL ? it : it.skip)("Redis cut for 3 s: caches and shared limits degrade, no request fails", async () => {
    const { report } = await drill("Redis connection cut for 3 s", network, () => redis!.cut(3000));
    expect(report.http5xx).toBe(0);
    expect(report.uncoded).toBe(0);
    expect(report.codedErrors).toEqual({});
  }, 60_000);
});
