import { createHash } from "node:crypto";
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { INTERNAL_CREDENTIAL_HEADER, serviceUnavailable, signInternalCredential, type Identity } from "@scg/shared";
import type { CacheStore } from "../cache/cache-store.js";
import type { GatewayContext } from "../context.js";

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  internalSecret: string;
  timeoutMs: number;
  /** Where `_entities` results are cached for public callers; null: no entity cache. */
  entityCache: CacheStore | null;
}

interface CachedEntity {
  entity: unknown;
  generation: number;
  expiresAt: number;
}

const CREDENTIAL_REUSE_MS = 30_000;

/**
 * How the gateway talks to one subgraph: Node's fetch (undici: pooled keep-alive connections),
 * a hard timeout (@apollo/gateway sets none), the internal credential that tells the subgraph
 * who is asking (nothing the client sent in its headers is forwarded), and an entity cache:
 * `_entities` results for public callers are cached one entity at a time, so different
 * operations that need the same communities or partnerships share them.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly internalSecret: string;
  private readonly name: string;
  private readonly entityCache: CacheStore | null;
  /** Signed credentials by identity, reused for half their lifetime (signing on every fetch is measurable). */
  private readonly credentials = new Map<string, { token: string; until: number }>();

  constructor(options: SubgraphDataSourceOptions) {
    const { timeoutMs, name } = options;
    // Identical reads in flight at the same moment (same subgraph, query, variables and credential)
    // share one subgraph request, as Apollo Router and Hive Gateway do: under the traffic this graph
    // gets (the same public page asked again and again) that halves the subgraphs' load. Each caller
    // gets its own Response over the shared body, so no parsed object is ever shared. Never mutations.
    const inFlight = new Map<string, Promise<{ status: number; headers: [string, string][]; body: string }>>();
    const send = async (input: string, init: RequestInit) => {
      try {
        const response = await fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
        return { status: response.status, headers: [...response.headers], body: await response.text() };
      } catch (error) {
        const timedOut = (error as Error).name === "TimeoutError";
        throw serviceUnavailable(timedOut ? `The ${name} service did not answer within ${timeoutMs} ms.` : `The ${name} service is unavailable.`);
      }
    };
    super({
      url: options.url,
      // A subgraph that is down or slower than the timeout becomes a SERVICE_UNAVAILABLE error on
      // the fields it would have answered (never its URL or host name); the rest of the answer stands.
      fetcher: (async (input: string, init: RequestInit) => {
        const body = typeof init.body === "string" ? init.body : "";
        const shareable = body !== "" && !body.startsWith('{"query":"mutation');
        const key = shareable ? `${(init.headers as Record<string, string>)[INTERNAL_CREDENTIAL_HEADER]}\n${body}` : "";
        let pending = shareable ? inFlight.get(key) : undefined;
        if (!pending) {
          pending = send(input, init);
          if (shareable) {
            inFlight.set(key, pending);
            const forget = () => inFlight.delete(key);
            pending.then(forget, forget);
          }
        }
        const { status, headers, body: text } = await pending;
        return new Response(text, { status, headers });
      }) as never,
    });
    this.name = name;
    this.internalSecret = options.internalSecret;
    this.entityCache = options.entityCache;
  }

  private async credentialFor(identity: Identity | null): Promise<string> {
    const key = identity ? JSON.stringify([identity.subject, identity.roles, identity.communityIds, identity.organizationIds]) : "anonymous";
    const cached = this.credentials.get(key);
    if (cached && cached.until > Date.now()) return cached.token;
    const token = await signInternalCredential({ identity, caller: "gateway" }, this.internalSecret);
    if (this.credentials.size > 10_000) this.credentials.clear();
    this.credentials.set(key, { token, until: Date.now() + CREDENTIAL_REUSE_MS });
    return token;
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { identity = null, requestId } = context as Partial<GatewayContext>;
    request.http!.headers.set(INTERNAL_CREDENTIAL_HEADER, await this.credentialFor(identity));
    if (requestId) request.http!.headers.set("x-request-id", requestId);
  }

  /** A subgraph's non-2xx answer: a coded sentence, without its URL or body. */
  override async errorFromResponse(response: { status: number }) {
    return serviceUnavailable(`The ${this.name} service could not answer (HTTP ${response.status}).`);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const context = options.context as Partial<GatewayContext>;
    const representations = options.request.variables?.representations;
    if (
      !this.entityCache ||
      options.kind !== "incoming operation" ||
      context.cacheScope !== "public" ||
      !context.generations ||
      !Array.isArray(representations) ||
      representations.length === 0
    ) {
      return super.process(options);
    }
    return this.processWithEntityCache(options, representations, context.generations[this.name] ?? 0);
  }

  private async processWithEntityCache(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
    representations: unknown[],
    generation: number,
  ): Promise<GatewayGraphQLResponse> {
    const store = this.entityCache!;
    // The selection: the subgraph query and every variable but the representations (a `first` inside
    // the entity selection changes the answer just as much as the query text does).
    const { representations: _all, ...otherVariables } = options.request.variables ?? {};
    const selection = createHash("sha256").update(JSON.stringify([options.request.query ?? "", otherVariables])).digest("base64url").slice(0, 22);
    const keys = representations.map((rep) => `entity:${this.name}:${selection}:${createHash("sha256").update(JSON.stringify(rep)).digest("base64url")}`);
    const now = Date.now();
    const cached = (await store.getMany(keys)).map((raw) => {
      const entry = raw ? (JSON.parse(raw) as CachedEntity) : null;
      return entry && entry.generation === generation && entry.expiresAt > now ? entry : null;
    });
    const missing = cached.flatMap((entry, index) => (entry ? [] : [index]));
    let fetched: unknown[] = [];
    if (missing.length > 0) {
      const partial = missing.length < representations.length;
      const response = await super.process({
        ...options,
        request: { ...options.request, variables: { ...options.request.variables, representations: missing.map((i) => representations[i]) } },
      });
      const entities = (response.data as { _entities?: unknown[] } | undefined)?._entities;
      // Errors carry paths into the list that was sent; keep them exact by answering the full request.
      if (response.errors?.length || !Array.isArray(entities) || entities.length !== missing.length) {
        return partial ? super.process(options) : response;
      }
      fetched = entities;
      const maxAge = cacheableMaxAge((response as { http?: { headers: { get(name: string): string | null } } }).http?.headers.get("cache-control"));
      if (maxAge > 0) {
        await Promise.all(
          missing.map((index, i) =>
            store.set(keys[index], JSON.stringify({ entity: entities[i], generation, expiresAt: now + maxAge * 1000 } satisfies CachedEntity), maxAge),
          ),
        );
      }
      if (!partial) return response;
    }
    // Entities served from the cache bound how long the whole answer may be cached.
    const hits = cached.filter((entry): entry is CachedEntity => entry !== null);
    const remaining = Math.max(0, Math.floor((Math.min(...hits.map((entry) => entry.expiresAt)) - now) / 1000));
    const incoming = "incomingRequestContext" in options ? options.incomingRequestContext : undefined;
    const policy = incoming?.overallCachePolicy as { restrict?: (hint: { maxAge: number; scope: "PUBLIC" }) => void } | undefined;
    policy?.restrict?.({ maxAge: remaining, scope: "PUBLIC" });
    let next = 0;
    return { data: { _entities: cached.map((entry) => (entry ? entry.entity : fetched[next++])) } };
  }
}

/** max-age of a public Cache-Control header; 0 when private, no-store or absent. */
function cacheableMaxAge(header: string | null | undefined): number {
  if (!header || /private|no-store|no-cache/i.test(header)) return 0;
  const match = /max-age=(\d+)/i.exec(header);
  return match ? Number(match[1]) : 0;
}
