import { createHash } from "node:crypto";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { CacheStore } from "./cache-store.js";

interface CachedEntity {
  entity: unknown;
  generation: number;
  expiresAt: number;
}

/** The part of a subgraph request the entity cache needs. */
export interface EntityRequest {
  subgraph: string;
  query: string;
  variables: Record<string, unknown>;
  representations: unknown[];
  /** The subgraph's data generation when the read began. */
  generation: number;
  /** Lets the whole answer's cache policy know entities came from the cache (their remaining lifetime). */
  restrictMaxAge(seconds: number): void;
}

/** Sends `_entities` for these representations; answers with the subgraph's response and its Cache-Control. */
export type EntityFetch = (representations: unknown[]) => Promise<{ response: GatewayGraphQLResponse; cacheControl: string | null }>;

/**
 * `_entities` results for public callers, cached one entity at a time (per subgraph, selection and
 * variables), so different operations that need the same communities or partnerships share them.
 * An entity is served only while its subgraph is at the generation it was read at, and for the
 * max-age the subgraph's Cache-Control allowed; only the missing ones are fetched.
 */
export class EntityCache {
  constructor(
    private readonly store: CacheStore,
    /** Told how many entities of each lookup were served from the cache and how many were not (metrics). */
    private readonly onLookup: (hits: number, misses: number) => void = () => {},
  ) {}

  async resolve(request: EntityRequest, fetch: EntityFetch): Promise<GatewayGraphQLResponse> {
    const { representations, generation } = request;
    // The selection: the subgraph query and every variable but the representations (a `first` inside
    // the entity selection changes the answer just as much as the query text does).
    const { representations: _all, ...otherVariables } = request.variables;
    const selection = createHash("sha256").update(JSON.stringify([request.query, otherVariables])).digest("base64url").slice(0, 22);
    const keys = representations.map((rep) => `entity:${request.subgraph}:${selection}:${createHash("sha256").update(JSON.stringify(rep)).digest("base64url")}`);
    const now = Date.now();
    const cached = (await this.store.getMany(keys)).map((raw) => {
      const entry = raw ? (JSON.parse(raw) as CachedEntity) : null;
      return entry && entry.generation === generation && entry.expiresAt > now ? entry : null;
    });
    const missing = cached.flatMap((entry, index) => (entry ? [] : [index]));
    this.onLookup(representations.length - missing.length, missing.length);
    let fetched: unknown[] = [];
    if (missing.length > 0) {
      const partial = missing.length < representations.length;
      const { response, cacheControl } = await fetch(missing.map((i) => representations[i]));
      const entities = (response.data as { _entities?: unknown[] } | undefined)?._entities;
      // Errors carry paths into the list that was sent; keep them exact by answering the full request.
      if (response.errors?.length || !Array.isArray(entities) || entities.length !== missing.length) {
        return partial ? (await fetch(representations)).response : response;
      }
      fetched = entities;
      const maxAge = publicMaxAge(cacheControl);
      if (maxAge > 0) {
        await Promise.all(
          missing.map((index, i) =>
            this.store.set(keys[index], JSON.stringify({ entity: entities[i], generation, expiresAt: now + maxAge * 1000 } satisfies CachedEntity), maxAge),
          ),
        );
      }
      if (!partial) return response;
    }
    // Entities served from the cache bound how long the whole answer may be cached.
    const hits = cached.filter((entry): entry is CachedEntity => entry !== null);
    request.restrictMaxAge(Math.max(0, Math.floor((Math.min(...hits.map((entry) => entry.expiresAt)) - now) / 1000)));
    let next = 0;
    return { data: { _entities: cached.map((entry) => (entry ? entry.entity : fetched[next++])) } };
  }
}

/** max-age of a public Cache-Control header; 0 when private, no-store or absent. */
function publicMaxAge(header: string | null | undefined): number {
  if (!header || /private|no-store|no-cache/i.test(header)) return 0;
  const match = /max-age=(\d+)/i.exec(header);
  return match ? Number(match[1]) : 0;
}
