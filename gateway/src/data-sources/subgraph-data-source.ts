import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLRequest, GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { INTERNAL_CREDENTIAL_HEADER, serviceUnavailable, signInternalCredential, type Identity } from "@scg/shared";
import type { EntityCache } from "../cache/entity-cache.js";
import type { GatewayContext } from "../context.js";
import { InFlightReads, isRead, type RawAnswer } from "./in-flight-reads.js";

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  internalSecret: string;
  timeoutMs: number;
  /** Where `_entities` results are cached for public callers; null: no entity cache. */
  entityCache: EntityCache | null;
}

/** How long a signed credential is reused (it lives 60 s); signing on every fetch is measurable. */
const CREDENTIAL_REUSE_MS = 30_000;

type CachePolicy = { restrict(hint: { maxAge?: number; scope?: "PUBLIC" | "PRIVATE" }): void };

/**
 * How the gateway talks to one subgraph: Node's fetch (undici: pooled keep-alive connections) with
 * a hard timeout (@apollo/gateway sets none), and the internal credential that tells the subgraph
 * who is asking — nothing the client sent in its headers is forwarded. Reads go through the
 * in-flight sharing (in-flight-reads.ts) and, for public callers' `_entities`, the entity cache
 * (cache/entity-cache.ts). A subgraph that is down, slower than the timeout or answers non-2xx
 * becomes SERVICE_UNAVAILABLE on the fields it would have answered (never its URL); the rest of
 * the answer stands. Its Cache-Control restricts how long the whole answer may be cached.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly credentials = new Map<string, { token: string; until: number }>();
  private readonly reads = new InFlightReads();

  constructor(private readonly options: SubgraphDataSourceOptions) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    // Only an incoming operation has a request context (the enum that names the kinds is not exported).
    if (!("incomingRequestContext" in options)) return this.fetch(options.request, null, false, null);
    const context = options.context as Partial<GatewayContext>;
    const policy = options.incomingRequestContext.overallCachePolicy as CachePolicy | undefined;
    const read = isRead(options.document);
    const representations = options.request.variables?.representations;
    const generations = context.state?.generations;
    if (this.options.entityCache && read && context.state?.cacheScope === "public" && generations && Array.isArray(representations) && representations.length > 0) {
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
          const response = await this.fetch({ ...options.request, variables: { ...options.request.variables, representations: subset } }, context, true, (header) => {
            cacheControl = header;
            restrictPolicy(policy, header);
          });
          return { response, cacheControl };
        },
      );
    }
    return this.fetch(options.request, context, read, (header) => restrictPolicy(policy, header));
  }

  /** One request to the subgraph; `onCacheControl` receives its Cache-Control header. */
  private async fetch(
    request: GatewayGraphQLRequest,
    context: Partial<GatewayContext> | null,
    read: boolean,
    onCacheControl: ((header: string | null) => void) | null,
  ): Promise<GatewayGraphQLResponse> {
    const credential = await this.credentialFor(context?.identity ?? null);
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName, extensions: request.extensions });
    const headers: Record<string, string> = { "content-type": "application/json", [INTERNAL_CREDENTIAL_HEADER]: credential };
    if (context?.requestId) headers["x-request-id"] = context.requestId;
    const send = () => this.send(headers, body);
    // The credential names the identity, so only requests on behalf of the same identity are shared.
    const answer = read ? await this.reads.share(`${credential}\n${body}`, send) : await send();
    if (answer.status < 200 || answer.status >= 300) throw serviceUnavailable(`The ${this.options.name} service could not answer (HTTP ${answer.status}).`);
    let parsed: GatewayGraphQLResponse;
    try {
      parsed = JSON.parse(answer.body) as GatewayGraphQLResponse;
    } catch {
      throw serviceUnavailable(`The ${this.options.name} service gave an answer the gateway cannot read.`);
    }
    if (parsed === null || typeof parsed !== "object") throw serviceUnavailable(`The ${this.options.name} service gave an answer the gateway cannot read.`);
    onCacheControl?.(answer.cacheControl);
    return parsed;
  }

  private async send(headers: Record<string, string>, body: string): Promise<RawAnswer> {
    const { name, url, timeoutMs } = this.options;
    try {
      const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) });
      return { status: response.status, cacheControl: response.headers.get("cache-control"), body: await response.text() };
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError";
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
