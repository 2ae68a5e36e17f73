import { Counter, Gauge, Histogram } from "prom-client";
import { ErrorCode, PUBLIC_ERROR_CODES, ServiceMetrics, type Outcome } from "@scg/shared";

/** How one subgraph request ended: answered (2xx), failed (unreachable, non-2xx, unreadable) or timed out. */
export type SubgraphFetchOutcome = "ok" | "failed" | "timeout";

/** Error codes a label may take: ours and Apollo's request codes; anything else is "other". */
const KNOWN_CODES: ReadonlySet<string> = new Set([...PUBLIC_ERROR_CODES, ErrorCode.INTERNAL_SERVER_ERROR]);

/** How long a rate-limited caller counts as one in `gateway_rate_limited_callers`. */
const RATE_LIMIT_WINDOW_MS = 60_000;
/** At most this many callers are remembered for that gauge (it then reads as at least this many). */
const MAX_REMEMBERED_CALLERS = 100_000;

/**
 * The gateway's metrics, beside those every service has. Every label takes few values whatever
 * callers send: operation names are those of trusted operations (others are "other", or
 * "unnamed"), subgraphs those of the supergraph, codes those the services answer with.
 *
 * - `graphql_operation_duration_seconds{operation_name, outcome}`: each /graphql request, from
 *   arrival to the last byte; outcome ok / refused / error / partial.
 * - `subgraph_fetch_duration_seconds{subgraph, outcome}`: each request to a subgraph (shared
 *   in-flight reads and entity-cache hits send none); `subgraph_response_errors_total{subgraph, code}`:
 *   errors in the answers it got.
 * - `gateway_cache_lookups_total{cache, result}`: the response cache (per request) and the entity
 *   cache (per entity), hit or miss.
 * - `gateway_refusals_total{code, limit}`: every refused request, by code and by the limit that
 *   refused it ("none" when no limit did: an invalid document, an unknown key).
 * - `gateway_rate_limited_total{caller_kind}` and `gateway_rate_limited_callers` (distinct
 *   callers refused in the last minute).
 */
export class GatewayMetrics extends ServiceMetrics {
  private readonly operationDuration: Histogram<"operation_name" | "outcome">;
  private readonly subgraphFetchDuration: Histogram<"subgraph" | "outcome">;
  private readonly subgraphErrors: Counter<"subgraph" | "code">;
  private readonly cacheLookups: Counter<"cache" | "result">;
  private readonly refusals: Counter<"code" | "limit">;
  private readonly rateLimited: Counter<"caller_kind">;
  /** Callers refused by the rate limiter, by when they last were (oldest first). */
  private readonly rateLimitedAt = new Map<string, number>();

  constructor(private readonly trustedOperationNames: ReadonlySet<string>) {
    super("gateway");
    const registers = [this.registry];
    this.operationDuration = new Histogram({
      name: "graphql_operation_duration_seconds",
      help: "GraphQL requests from arrival to the answer, by trusted operation name (else other/unnamed) and outcome (ok, refused, error, partial).",
      labelNames: ["operation_name", "outcome"],
      registers,
    });
    this.subgraphFetchDuration = new Histogram({
      name: "subgraph_fetch_duration_seconds",
      help: "Requests from the gateway to each subgraph, by outcome (ok, failed, timeout).",
      labelNames: ["subgraph", "outcome"],
      registers,
    });
    this.subgraphErrors = new Counter({ name: "subgraph_response_errors_total", help: "Errors in subgraph answers, by subgraph and code.", labelNames: ["subgraph", "code"], registers });
    this.cacheLookups = new Counter({ name: "gateway_cache_lookups_total", help: "Cache lookups: the response cache per request, the entity cache per entity.", labelNames: ["cache", "result"], registers });
    this.refusals = new Counter({ name: "gateway_refusals_total", help: "Refused requests, by error code and by the limit that refused them (none: no limit).", labelNames: ["code", "limit"], registers });
    this.rateLimited = new Counter({ name: "gateway_rate_limited_total", help: "Requests refused by the rate limiter, by caller kind (anonymous, key, user).", labelNames: ["caller_kind"], registers });
    const recent = this.rateLimitedAt;
    new Gauge({
      name: "gateway_rate_limited_callers",
      help: "Distinct callers (IP addresses, keys, users) refused by the rate limiter in the last minute.",
      registers,
      collect() {
        forgetBefore(recent, Date.now() - RATE_LIMIT_WINDOW_MS);
        this.set(recent.size);
      },
    });
  }

  /** The operation_name label: a trusted operation's name, else "other", or "unnamed" when there is none. */
  operationLabel(name: string | null): string {
    if (!name) return "unnamed";
    return this.trustedOperationNames.has(name) ? name : "other";
  }

  observeOperation(name: string | null, outcome: Outcome, seconds: number): void {
    this.operationDuration.observe({ operation_name: this.operationLabel(name), outcome }, seconds);
  }

  observeSubgraphFetch(subgraph: string, outcome: SubgraphFetchOutcome, seconds: number): void {
    this.subgraphFetchDuration.observe({ subgraph, outcome }, seconds);
  }

  countSubgraphErrors(subgraph: string, codes: readonly string[]): void {
    for (const code of codes) this.subgraphErrors.inc({ subgraph, code: boundedCode(code) });
  }

  countCacheLookups(cache: "response" | "entity", hits: number, misses: number): void {
    if (hits) this.cacheLookups.inc({ cache, result: "hit" }, hits);
    if (misses) this.cacheLookups.inc({ cache, result: "miss" }, misses);
  }

  countRefusal(code: string, limit: string): void {
    this.refusals.inc({ code: boundedCode(code), limit });
  }

  /** `caller`: who the budget belongs to (held in memory for a minute, never exported). */
  countRateLimited(callerKind: string, caller: string): void {
    this.rateLimited.inc({ caller_kind: callerKind });
    this.rateLimitedAt.delete(caller);
    this.rateLimitedAt.set(caller, Date.now());
    if (this.rateLimitedAt.size > MAX_REMEMBERED_CALLERS) this.rateLimitedAt.delete(this.rateLimitedAt.keys().next().value!);
  }
}

function boundedCode(code: string): string {
  return KNOWN_CODES.has(code) ? code : "other";
}

/** Drops the entries older than `cutoff` from a map kept in time order. */
function forgetBefore(times: Map<string, number>, cutoff: number): void {
  for (const [key, at] of times) {
    if (at >= cutoff) return;
    times.delete(key);
  }
}
