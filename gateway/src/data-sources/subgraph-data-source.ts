import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLRequest, GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { performance } from "node:perf_hooks";
import type { Span } from "@opentelemetry/api";
import { createJsonPost, INTERNAL_CREDENTIAL_HEADER, PostTimeoutError, serviceUnavailable, signInternalCredential, traceSubgraphCall, type Identity, type RawAnswer } from "@scg/shared";
import type { EntityCache } from "../cache/entity-cache.js";
import type { GatewayContext } from "../context.js";
import type { GatewayMetrics } from "../observability/gateway-metrics.js";
import { InFlightReads, isRead } from "./in-flight-reads.js";

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  internalSecret: string;
  timeoutMs: number;
  /** Where `_entities` results are cached for public callers; null: no entity cache. */
  entityCache: EntityCache | null;
  metrics: GatewayMetrics;
}

/** What one subgraph request needs besides the request itself. */
interface Call {
  context: Partial<GatewayContext> | null;
  read: boolean;
  /** Receives the subgraph's Cache-Control header. */
  onCacheControl: ((header: string | null) => void) | null;
  /** `traceparent` (and `tracestate`) for the subgraph: this call's span, or the incoming trace. */
  traceHeaders: Record<string, string>;
  span: Span;
}

/** How long a signed credential is reused (it lives 60 s); signing on every fetch is measurable. */
const CREDENTIAL_REUSE_MS = 30_000;

type IncomingOperation = Extract<GraphQLDataSourceProcessOptions<GatewayContext>, { incomingRequestContext: unknown }>;
type CachePolicy = { restrict(hint: { maxAge?: number; scope?: "PUBLIC" | "PRIVATE" }): void };

/**
 * How the gateway talks to one subgraph: Node's http with pooled keep-alive connections (json-post.ts) and
 * a hard timeout (@apollo/gateway sets none), and the internal credential that tells the subgraph
 * who is asking — nothing the client sent in its headers is forwarded. Reads go through the
 * in-flight sharing (in-flight-reads.ts) and, for public callers' `_entities`, the entity cache
 * (cache/entity-cache.ts). A subgraph that is down, slower than the timeout or answers non-2xx
 * becomes SERVICE_UNAVAILABLE on the fields it would have answered (never its URL); the rest of
 * the answer stands. Its Cache-Control restricts how long the whole answer may be cached.
 * Each call is a span (`subgraph <name>`, see traceSubgraphCall) whose trace the subgraph
 * continues; each request actually sent is timed in `subgraph_fetch_duration_seconds`.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly credentials = new Map<string, { token: string; until: number }>();
  private readonly reads = new InFlightReads();
  private readonly post;

  constructor(private readonly options: SubgraphDataSourceOptions) {
    this.post = createJsonPost(options.url);
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    // Only an incoming operation has a request context (the enum that names the kinds is not exported).
    const context = "incomingRequestContext" in options ? (options.context as Partial<GatewayContext>) : null;
    return traceSubgraphCall(this.options.name, context?.state?.observation.context, (traceHeaders, span) => {
      if (!("incomingRequestContext" in options)) return this.fetch(options.request, { context: null, read: false, onCacheControl: null, traceHeaders, span });
      return this.resolve(options, { context, read: isRead(options.document), onCacheControl: null, traceHeaders, span });
    });
  }

  /** An incoming operation's fetch: through the entity cache when it may be, else straight to the subgraph. */
  private resolve(options: IncomingOperation, call: Call): Promise<GatewayGraphQLResponse> {
    const { context, read } = call;
    const policy = options.incomingRequestContext.overallCachePolicy as CachePolicy | undefined;
    const representations = options.request.variables?.representations;
    const generations = context?.state?.generations;
    if (this.options.entityCache && read && context?.state?.cacheScope === "public" && generations && Array.isArray(representations) && representations.length > 0) {
      return this.options.entityCache.resolve(
        {
          subgraph: this.options.name,
          query: options.request.query ?? "",
          variables: options.request.variables ?? {},
          representations,
          generation: generations[this.options.name] ?? 0,
          restrictMaxAge: (seconds) => policy?.restrict({ maxAge: seconds, scope: "PUBLIC" }),
        },
        async (subset) => {
          let cacheControl: string | null = null;
          const onCacheControl = (header: string | null) => {
            cacheControl = header;
            restrictPolicy(policy, header);
          };
          const response = await this.fetch({ ...options.request, variables: { ...options.request.variables, representations: subset } }, { ...call, read: true, onCacheControl });
          return { response, cacheControl };
        },
      );
    }
    return this.fetch(options.request, { ...call, onCacheControl: (header) => restrictPolicy(policy, header) });
  }

  /** One request to the subgraph (or a share of an identical one in flight). */
  private async fetch(request: GatewayGraphQLRequest, { context, read, onCacheControl, traceHeaders, span }: Call): Promise<GatewayGraphQLResponse> {
    const credential = await this.credentialFor(context?.identity ?? null);
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName, extensions: request.extensions });
    const headers: Record<string, string> = { ...traceHeaders, "content-type": "application/json", [INTERNAL_CREDENTIAL_HEADER]: credential };
    if (context?.requestId) headers["x-request-id"] = context.requestId;
    let sent = false;
    const send = () => {
      sent = true;
      return this.send(headers, body, read);
    };
    // The credential names the identity, so only requests on behalf of the same identity are shared.
    const answer = read ? await this.reads.share(`${credential}\n${body}`, send) : await send();
    span.setAttributes({ "http.response.status_code": answer.status, "scg.shared_answer": !sent });
    if (answer.status < 200 || answer.status >= 300) throw serviceUnavailable(`The ${this.options.name} service could not answer (HTTP ${answer.status}).`);
    let parsed: GatewayGraphQLResponse;
    try {
      parsed = JSON.parse(answer.body) as GatewayGraphQLResponse;
    } catch {
      throw serviceUnavailable(`The ${this.options.name} service gave an answer the gateway cannot read.`);
    }
    if (parsed === null || typeof parsed !== "object") throw serviceUnavailable(`The ${this.options.name} service gave an answer the gateway cannot read.`);
    if (sent && parsed.errors?.length) this.options.metrics.countSubgraphErrors(this.options.name, parsed.errors.map((error) => String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR")));
    onCacheControl?.(answer.cacheControl);
    return parsed;
  }

  /** Sends one request, timed by outcome in subgraph_fetch_duration_seconds. */
  private async send(headers: Record<string, string>, body: string, read: boolean): Promise<RawAnswer> {
    const { name, timeoutMs, metrics } = this.options;
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const answer = await this.post(headers, body, timeoutMs, read);
      metrics.observeSubgraphFetch(name, answer.status >= 200 && answer.status < 300 ? "ok" : "failed", seconds());
      return answer;
    } catch (error) {
      const timedOut = error instanceof PostTimeoutError;
      metrics.observeSubgraphFetch(name, timedOut ? "timeout" : "failed", seconds());
      throw serviceUnavailable(timedOut ? `The ${name} service did not answer within ${timeoutMs} ms.` : `The ${name} service is unavailable.`);
    }
  }

  private async credentialFor(identity: Identity | null): Promise<string> {
    const key = identity ? JSON.stringify([identity.subject, identity.roles, identity.communityIds, identity.organizationIds]) : "anonymous";
    const cached = this.credentials.get(key);
    if (cached && cached.until > Date.now()) return cached.token;
    const token = await signInternalCredential({ identity, caller: "gateway" }, this.options.internalSecret);
    if (this.credentials.size > 10_000) this.credentials.clear();
    this.credentials.set(key, { token, until: Date.now() + CREDENTIAL_REUSE_MS });
    return token;
  }
}

/** Applies a subgraph's Cache-Control to the answer's overall cache policy, as @apollo/gateway's own data source does. */
function restrictPolicy(policy: CachePolicy | undefined, header: string | null): void {
  if (!policy) return;
  const maxAge = header ? /(?:^|,)\s*max-age=(\d+)/i.exec(header) : null;
  policy.restrict({
    maxAge: maxAge ? Number(maxAge[1]) : 0,
    ...(header && /(?:^|,)\s*private\b/i.test(header) ? { scope: "PRIVATE" as const } : header && /(?:^|,)\s*public\b/i.test(header) ? { scope: "PUBLIC" as const } : {}),
  });
}
