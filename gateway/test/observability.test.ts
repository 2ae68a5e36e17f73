import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SpanKind } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-node";
import pino from "pino";
import { communityId, Role } from "@scg/shared";
import { graphqlRequest, labelValues, recordSpans, scrapeMetrics, seriesCount, seriesTotal, type SpanRecorder } from "@scg/shared/testing";
import { startNetwork, type Network } from "@scg/scripts/testing";

const operation = (name: string) => readFileSync(join(__dirname, "..", "operations", `${name}.graphql`), "utf8");
const TRUSTED_NAMES = (JSON.parse(readFileSync(join(__dirname, "..", "persisted-operations.json"), "utf8")) as { operations: { name: string }[] }).operations.map((o) => o.name);

interface LogLine {
  service: string;
  msg: string;
  traceId?: string;
  requestId?: string;
  [field: string]: unknown;
}

let spans: SpanRecorder;
let network: Network;
const lines: LogLine[] = [];

beforeAll(async () => {
  // Tracing first: the services' own start-up then only adds their libraries to it.
  spans = await recordSpans();
  const log = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line) as LogLine) });
  network = await startNetwork({ gatewayEnv: { METRICS_PORT: "0" }, subgraphEnv: { METRICS_PORT: "0" }, log });
});
afterAll(async () => {
  await network?.stop();
  await spans?.stop();
});

/** A W3C traceparent for a new trace, as a caller's own tracer would send it. */
function newTraceparent() {
  const traceId = randomBytes(16).toString("hex");
  const parentSpanId = randomBytes(8).toString("hex");
  return { traceId, parentSpanId, traceparent: `00-${traceId}-${parentSpanId}-01` };
}

/** Waits (without a clock) until `done` holds: spans and log lines are written when responses close. */
async function until(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 500 && !done(); turn++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(done()).toBe(true);
}

const idOf = (span: ReadableSpan) => span.spanContext().spanId;
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const systemOf = (span: ReadableSpan) => span.attributes["db.system.name"] ?? span.attributes["db.system"];
const isSql = (span: ReadableSpan) => systemOf(span) === "postgresql" && typeof (span.attributes["db.query.text"] ?? span.attributes["db.statement"]) === "string";

describe("traces", () => {
  let traceId: string;
  let parentSpanId: string;
  let trace: ReadableSpan[];
  let requestId: string | null;
  const statements: Record<string, number> = {};

  beforeAll(async () => {
    ({ traceId, parentSpanId } = newTraceparent());
    spans.reset();
    for (const subgraph of Object.values(network.subgraphs)) subgraph.queries!.reset();
    const response = await graphqlRequest(network.gatewayUrl, operation("CommunityProfile"), {
      variables: { slug: "seattle-wa-us" },
      headers: { traceparent: `00-${traceId}-${parentSpanId}-01` },
    });
    expect(response.errors).toBeUndefined();
    requestId = response.headers.get("x-request-id");
    const inTrace = () => spans.spans().filter((span) => span.spanContext().traceId === traceId);
    // The request's span ends last at the gateway; each subgraph's when its answer is sent.
    await until(() => inTrace().some((span) => parentOf(span) === parentSpanId));
    await until(() => {
      const clients = inTrace().filter((span) => span.kind === SpanKind.CLIENT && span.attributes["subgraph.name"]);
      return inTrace().filter((span) => span.kind === SpanKind.SERVER && clients.some((client) => idOf(client) === parentOf(span))).length === clients.length;
    });
    trace = inTrace();
    for (const [name, subgraph] of Object.entries(network.subgraphs)) statements[name] = subgraph.queries!.statements.length;
  });

  it("is one trace, continuing the caller's: one root (the gateway's request span, child of the caller's span), every other span's parent in it", () => {
    const ids = new Set(trace.map(idOf));
    const roots = trace.filter((span) => !ids.has(parentOf(span)!));
    expect(roots.map((span) => [span.name, span.kind, parentOf(span)])).toEqual([["POST /graphql", SpanKind.SERVER, parentSpanId]]);
    expect(roots[0].attributes).toMatchObject({ "graphql.operation.name": "CommunityProfile", "http.response.status_code": 200, "scg.outcome": "ok", "scg.cache": "miss" });
  });

  it("holds @apollo/gateway's own spans: validate, plan, execute, and a fetch per query-plan fetch", () => {
    const names = new Set(trace.map((span) => span.name));
    for (const name of ["gateway.request", "gateway.validate", "gateway.plan", "gateway.execute", "gateway.fetch"]) expect(names).toContain(name);
  });

  it("has a span per subgraph fetch, named after its subgraph, under @apollo/gateway's fetch span; each subgraph's request span under it", () => {
    const byId = new Map(trace.map((span) => [idOf(span), span]));
    const fetches = trace.filter((span) => span.name === "gateway.fetch");
    const calls = trace.filter((span) => span.kind === SpanKind.CLIENT && span.attributes["subgraph.name"]);
    expect(calls).toHaveLength(fetches.length);
    for (const call of calls) {
      const fetch = byId.get(parentOf(call)!)!;
      expect(fetch.name).toBe("gateway.fetch");
      expect(call.name).toBe(`subgraph ${call.attributes["subgraph.name"]}`);
      expect(fetch.attributes.service).toBe(call.attributes["subgraph.name"]);
    }
    const served = trace.filter((span) => span.kind === SpanKind.SERVER && byId.get(parentOf(span)!)?.kind === SpanKind.CLIENT);
    expect(served).toHaveLength(calls.length);
    // CommunityProfile touches all four subgraphs.
    expect(new Set(calls.map((call) => call.attributes["subgraph.name"]))).toEqual(new Set(Object.keys(network.subgraphs)));
  });

  it("has a span per SQL statement, inside the request span of the subgraph that sent it, without parameter values", () => {
    const byId = new Map(trace.map((span) => [idOf(span), span]));
    /** The subgraph whose request span a span descends from. */
    const subgraphOf = (span: ReadableSpan): string | undefined => {
      for (let current: ReadableSpan | undefined = span; current; current = byId.get(parentOf(current)!)) {
        const caller = byId.get(parentOf(current)!);
        if (current.kind === SpanKind.SERVER && caller?.kind === SpanKind.CLIENT) return String(caller.attributes["subgraph.name"]);
      }
      return undefined;
    };
    const sql = trace.filter(isSql);
    const perSubgraph: Record<string, number> = Object.fromEntries(Object.keys(network.subgraphs).map((name) => [name, 0]));
    for (const span of sql) perSubgraph[subgraphOf(span)!]++;
    expect(perSubgraph).toEqual(statements);
    expect(sql.length).toBeGreaterThan(4);
    for (const span of sql) expect(JSON.stringify(span.attributes)).not.toContain("seattle-wa-us");
  });

  it("puts no token, key, address or query text in any span", () => {
    const everything = JSON.stringify(trace.map((span) => [span.name, span.attributes, span.events]));
    expect(everything).not.toMatch(/authorization|x-api-key|x-scg-gateway-credential|Bearer|127\.0\.0\.1:\d+\/graphql\?|sisterCities \{/i);
  });

  it("traces Redis commands by name only, when the gateway uses Redis", () => {
    const redis = trace.filter((span) => systemOf(span) === "redis");
    if (!process.env.REDIS_URL) return expect(redis).toEqual([]);
    expect(redis.length).toBeGreaterThan(0);
    for (const span of redis) expect(String(span.attributes["db.query.text"] ?? span.attributes["db.statement"])).toMatch(/^[a-z]+$/);
  });

  it("the access-log line of the gateway and of each subgraph request carries the trace id and the request id", async () => {
    const subgraphRequests = trace.filter((span) => span.kind === SpanKind.CLIENT && span.attributes["subgraph.name"]).length;
    await until(() => lines.filter((line) => line.msg === "request" && line.traceId === traceId).length === 1 + subgraphRequests);
    const requests = lines.filter((line) => line.msg === "request" && line.traceId === traceId);
    const gateway = requests.find((line) => line.service === "gateway")!;
    expect(gateway).toMatchObject({ requestId, operationName: "CommunityProfile", callerKind: "anonymous", status: 200, outcome: "ok", cache: "miss", method: "POST", path: "/graphql" });
    expect(gateway.cost).toEqual(expect.any(Number));
    expect(gateway.durationMs).toEqual(expect.any(Number));
    expect(new Set(requests.map((line) => line.service))).toEqual(new Set(["gateway", ...Object.keys(network.subgraphs)]));
    for (const line of requests) expect(line).toMatchObject({ requestId, status: 200 });
  });
});

describe("a write that asks another subgraph", () => {
  it("carries the trace on from that subgraph to the one it asks, and puts no e-mail address in a span or a log line", async () => {
    const admin = `Bearer ${await network.tokenFor({ subject: "observed-admin", roles: [Role.MEMBER_ADMIN], communityIds: [communityId("minneapolis-mn-us")], organizationIds: [] })}`;
    const { traceId, traceparent } = newTraceparent();
    const created = await graphqlRequest(network.gatewayUrl, operation("CreateEvent"), {
      headers: { authorization: admin, traceparent },
      variables: { input: { title: "Observed visit", kind: "DELEGATION_VISIT", startsAt: "2031-10-01T14:00:00Z", endsAt: "2031-10-01T20:00:00Z", timezone: "America/Chicago", hostCommunityId: communityId("minneapolis-mn-us"), capacity: 5 } },
    });
    expect(created.errors).toBeUndefined();
    const email = "observed-guest@example.org";
    const registered = await graphqlRequest(network.gatewayUrl, operation("RegisterForEvent"), {
      headers: { traceparent: newTraceparent().traceparent },
      variables: { eventId: created.data.createEvent.id, attendee: { name: "Observed Guest", email } },
    });
    expect(registered.errors).toBeUndefined();
    const inTrace = () => spans.spans().filter((span) => span.spanContext().traceId === traceId);
    /** The events subgraph's call to the directory: a client span under the events subgraph's request span. */
    const check = () => {
      const byId = new Map(inTrace().map((span) => [idOf(span), span]));
      return inTrace().find((span) => {
        const caller = byId.get(parentOf(span)!);
        return span.name === "subgraph directory" && caller?.kind === SpanKind.SERVER && byId.get(parentOf(caller)!)?.attributes["subgraph.name"] === "events";
      });
    };
    await until(() => check() !== undefined && inTrace().some((span) => span.kind === SpanKind.SERVER && parentOf(span) === idOf(check()!)));
    await until(() => lines.some((line) => line.service === "gateway" && line.operationName === "RegisterForEvent"));
    expect(JSON.stringify(spans.spans().map((span) => [span.name, span.attributes, span.events]))).not.toContain(email);
    expect(JSON.stringify(lines)).not.toContain(email);
  });
});

describe("trace context without a tracer of the caller's", () => {
  it("a request without traceparent still gets one trace id, in the gateway's line and each subgraph's", async () => {
    const before = lines.length;
    const response = await graphqlRequest(network.gatewayUrl, `{ community(slug: "kobe-jp") { name sisterCities { partnership { status } } } }`);
    expect(response.errors).toBeUndefined();
    const requestId = response.headers.get("x-request-id");
    await until(() => lines.slice(before).filter((line) => line.msg === "request" && line.requestId === requestId).length === 3);
    const traceIds = new Set(lines.slice(before).filter((line) => line.requestId === requestId).map((line) => line.traceId));
    expect([...traceIds]).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/)]);
  });

  it("logs the caller's kind and key id or subject, never the token", async () => {
    const token = await network.tokenFor({ subject: "observed-analyst", roles: [Role.ANALYST], communityIds: [], organizationIds: [] });
    const response = await graphqlRequest(network.gatewayUrl, `{ country(code: "JP") { name } }`, { headers: { authorization: `Bearer ${token}` } });
    const requestId = response.headers.get("x-request-id");
    await until(() => lines.some((line) => line.service === "gateway" && line.requestId === requestId));
    expect(lines.find((line) => line.service === "gateway" && line.requestId === requestId)).toMatchObject({ callerKind: "user", callerId: "observed-analyst" });
    expect(JSON.stringify(lines)).not.toContain(token);
  });
});

describe("metrics", () => {
  it("are served on loopback only, never on the public port", async () => {
    expect(new URL(network.gatewayMetricsUrl!).hostname).toBe("127.0.0.1");
    expect(network.gatewayMetricsUrl).not.toContain(`:${new URL(network.gatewayUrl).port}/`);
    expect((await fetch(new URL("/metrics", network.gatewayUrl))).status).toBe(404);
  });

  it("parse as Prometheus text, and the gateway's counters move with requests", async () => {
    const before = await scrapeMetrics(network.gatewayMetricsUrl!);
    const response = await graphqlRequest(network.gatewayUrl, operation("CommunityProfile"), { variables: { slug: "chicago-il-us" } });
    expect(response.errors).toBeUndefined();
    let after = await scrapeMetrics(network.gatewayMetricsUrl!);
    // The operation's histogram is observed when the answer's connection closes: read until it has.
    for (let turn = 0; turn < 100 && seriesTotal(after, "graphql_operation_duration_seconds", { operation_name: "CommunityProfile" }) === seriesTotal(before, "graphql_operation_duration_seconds", { operation_name: "CommunityProfile" }); turn++) {
      after = await scrapeMetrics(network.gatewayMetricsUrl!);
    }
    const moved = (name: string, labels: Record<string, string> = {}) => seriesTotal(after, name, labels) - seriesTotal(before, name, labels);
    expect(moved("graphql_operation_duration_seconds", { operation_name: "CommunityProfile", outcome: "ok" })).toBe(1);
    for (const subgraph of Object.keys(network.subgraphs)) expect(moved("subgraph_fetch_duration_seconds", { subgraph, outcome: "ok" })).toBeGreaterThan(0);
    expect(moved("gateway_cache_lookups_total", { cache: "response", result: "miss" })).toBe(1);
    expect(moved("gateway_cache_lookups_total", { cache: "entity" })).toBeGreaterThan(0);
    expect(after.get("graphql_operation_duration_seconds")?.type).toBe("histogram");
    expect(seriesTotal(after, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(after.get("http_requests_in_flight")?.type).toBe("gauge");
  });

  it("count refusals by code and limit", async () => {
    const before = await scrapeMetrics(network.gatewayMetricsUrl!);
    const deep = `{ community(slug: "kobe-jp") { sisterCities { partner { sisterCities { partner { sisterCities { partner { sisterCities { partner { sisterCities { partner { slug } } } } } } } } } } } }`;
    expect((await graphqlRequest(network.gatewayUrl, deep)).status).toBe(400);
    let after = await scrapeMetrics(network.gatewayMetricsUrl!);
    const refusals = (families: typeof after) => seriesTotal(families, "gateway_refusals_total", { code: "GRAPHQL_VALIDATION_FAILED", limit: "depth" });
    for (let turn = 0; turn < 100 && refusals(after) === refusals(before); turn++) after = await scrapeMetrics(network.gatewayMetricsUrl!);
    expect(refusals(after) - refusals(before)).toBe(1);
    expect(seriesTotal(after, "graphql_operation_duration_seconds", { outcome: "refused" })).toBeGreaterThan(0);
  });

  it("of each subgraph: resolver time per root field, DataLoader batch sizes, the database pool", async () => {
    const directory = await scrapeMetrics(network.subgraphs.directory.metricsUrl!);
    expect(seriesTotal(directory, "graphql_resolver_duration_seconds", { field: "Query.community", outcome: "ok" })).toBeGreaterThan(0);
    expect(seriesTotal(directory, "graphql_resolver_duration_seconds", { field: "Query._entities" })).toBeGreaterThan(0);
    expect(seriesTotal(directory, "dataloader_batch_size", { loader: "communityBySlug" })).toBeGreaterThan(0);
    expect([...labelValues(directory, "db_pool_connections", "state")].sort()).toEqual(["idle", "in_use"]);
    expect(directory.get("db_pool_waiting_requests")?.type).toBe("gauge");
    for (const subgraph of Object.values(network.subgraphs)) expect(new URL(subgraph.metricsUrl!).hostname).toBe("127.0.0.1");
  });

  it("a client sending 1,000 distinct operation names leaves the operation_name label bounded", async () => {
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) => `Hostile${batch * 50 + i}`).map((name) => graphqlRequest(network.gatewayUrl, `query ${name} { __typename }`)),
      );
    }
    let metrics = await scrapeMetrics(network.gatewayMetricsUrl!);
    for (let turn = 0; turn < 100 && seriesTotal(metrics, "graphql_operation_duration_seconds", { operation_name: "other" }) < 1000; turn++) metrics = await scrapeMetrics(network.gatewayMetricsUrl!);
    const names = labelValues(metrics, "graphql_operation_duration_seconds", "operation_name");
    expect([...names].every((name) => name === "other" || name === "unnamed" || TRUSTED_NAMES.includes(name))).toBe(true);
    expect(seriesTotal(metrics, "graphql_operation_duration_seconds", { operation_name: "other" })).toBeGreaterThanOrEqual(1000);
    // Every label set of the family: operation names (trusted ones, other, unnamed) × outcomes.
    expect(seriesCount(metrics, "graphql_operation_duration_seconds")).toBeLessThanOrEqual((TRUSTED_NAMES.length + 2) * 4);
  });
});
