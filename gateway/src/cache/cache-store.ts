import type Redis from "ioredis";
import { LRUCache } from "lru-cache";

/**
 * Where cached responses, entities and data generations live: Redis in production (every
 * replica shares them), an in-process LRU in development. Values are strings (JSON).
 * A cache never fails a request: when the store cannot answer, reads miss, writes are dropped,
 * and counters come back null (callers then neither serve nor fill the cache).
 */
export interface CacheStore {
  get(key: string): Promise<string | undefined>;
  getMany(keys: string[]): Promise<(string | undefined)[]>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Reads integer counters (missing: 0); null when the store cannot answer. */
  counters(keys: string[]): Promise<number[] | null>;
  increment(keys: string[]): Promise<void>;
}

export class MemoryCacheStore implements CacheStore {
  private readonly entries: LRUCache<string, string>;
  private readonly numbers = new Map<string, number>();

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.entries = new LRUCache<string, string>({ maxSize: maxBytes, sizeCalculation: (value, key) => value.length + key.length, ttlAutopurge: false });
  }

  async get(key: string) {
    return this.entries.get(key);
  }
  async getMany(keys: string[]) {
    return keys.map((key) => this.entries.get(key));
  }
  async set(key: string, value: string, ttlSeconds: number) {
    this.entries.set(key, value, { ttl: ttlSeconds * 1000 });
  }
  async counters(keys: string[]) {
    return keys.map((key) => this.numbers.get(key) ?? 0);
  }
  async increment(keys: string[]) {
    for (const key of keys) this.numbers.set(key, (this.numbers.get(key) ?? 0) + 1);
  }
}

export class RedisCacheStore implements CacheStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = "scg:cache:",
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  private async attempt<T>(operation: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      this.onError(error);
      return fallback;
    }
  }

  get(key: string) {
    return this.attempt(async () => (await this.redis.get(this.prefix + key)) ?? undefined, undefined);
  }
  getMany(keys: string[]) {
    if (keys.length === 0) return Promise.resolve([]);
    return this.attempt(
      async () => (await this.redis.mget(keys.map((key) => this.prefix + key))).map((value) => value ?? undefined),
      keys.map(() => undefined),
    );
  }
  set(key: string, value: string, ttlSeconds: number) {
    return this.attempt(async () => void (await this.redis.set(this.prefix + key, value, "EX", Math.max(1, Math.ceil(ttlSeconds)))), undefined);
  }
  counters(keys: string[]) {
    if (keys.length === 0) return Promise.resolve([]);
    return this.attempt<number[] | null>(async () => (await this.redis.mget(keys.map((key) => this.prefix + key))).map((value) => Number(value ?? 0)), null);
  }
  increment(keys: string[]) {
    return this.attempt(async () => {
      const pipeline = this.redis.pipeline();
      for (const key of keys) pipeline.incr(this.prefix + key);
      const results = await pipeline.exec();
      const failed = results?.find(([error]) => error);
      if (failed) throw failed[0];
    }, undefined);
  }
}
