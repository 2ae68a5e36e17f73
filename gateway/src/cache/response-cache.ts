import { createHash } from "node:crypto";
import type { CacheOutcome } from "../context.js";
import type { CacheStore } from "./cache-store.js";
import { DataGenerations } from "./data-generations.js";

/** One cached answer: its serialized body, the generations it was read at, its cost for rate limits. */
export interface CachedResponse {
  body: string;
  generations: Record<string, number>;
  cost: number;
  storedAt: number;
  expiresAt: number;
}

/** What one lookup learned: the entry if it is still current, and the generations it was judged by. */
export interface CacheLookup {
  key: string;
  entry: CachedResponse | null;
  /** null when the store could not answer: then nothing may be served or stored. */
  generations: Record<string, number> | null;
}

/** The key of a public answer: operation text, name, variables and the caller's cache scope. */
export function responseCacheKey(query: string, operationName: string | null | undefined, variables: unknown, scope: string): string {
  return `response:${createHash("sha256").update(JSON.stringify([query, operationName ?? null, variables ?? {}, scope])).digest("base64url")}`;
}

/**
 * The headers of an answer served from the cache — the one place a stored answer becomes a
 * response, whichever path serves it: its remaining lifetime for browsers and CDNs, its age,
 * `x-cache: HIT`, and which path served it (Server-Timing, visible in a browser's devtools).
 */
export function cachedResponseHeaders(entry: CachedResponse, servedBy: Extract<CacheOutcome, "fast-lane" | "response-cache">, now = Date.now()): Record<string, string> {
  return {
    "cache-control": `public, max-age=${Math.max(0, Math.floor((entry.expiresAt - now) / 1000))}`,
    age: String(Math.max(0, Math.floor((now - entry.storedAt) / 1000))),
    "x-cache": "HIT",
    "server-timing": `cache;desc="${servedBy}"`,
  };
}

/** The headers of an answer that could have come from the cache but was computed. */
export const MISS_HEADERS: Readonly<Record<string, string>> = Object.freeze({ "x-cache": "MISS", "server-timing": 'cache;desc="miss"' });

/** Whole answers to public queries, valid while the generations they were read at are current. */
export class ResponseCache {
  constructor(private readonly store: CacheStore, readonly generations: DataGenerations) {}

  async lookup(key: string): Promise<CacheLookup> {
    const [raw, now] = await Promise.all([this.store.get(key), this.generations.snapshot()]);
    if (!raw || !now) return { key, entry: null, generations: now };
    const entry = JSON.parse(raw) as CachedResponse;
    const current = entry.expiresAt > Date.now() && DataGenerations.unchanged(entry.generations, now);
    return { key, entry: current ? entry : null, generations: now };
  }

  async save(key: string, entry: CachedResponse): Promise<void> {
    const ttl = Math.floor((entry.expiresAt - entry.storedAt) / 1000);
    if (ttl > 0) await this.store.set(key, JSON.stringify(entry), ttl);
  }
}
