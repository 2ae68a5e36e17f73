import { createHash } from "node:crypto";
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
