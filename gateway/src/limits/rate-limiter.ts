import type Redis from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

/**
 * Cost-based rate limits over a one-minute window (rate-limiter-flexible): in Redis when a client
 * is given, so every gateway replica shares the counts, else in memory. If Redis fails, counting
 * falls back to memory rather than refusing everyone.
 */
export class CostRateLimiter {
  private readonly limiters = new Map<number, RateLimiterAbstract>();

  constructor(private readonly redis: Redis | null, private readonly keyPrefix = "scg:", private readonly windowSeconds = 60) {}

  private limiter(points: number): RateLimiterAbstract {
    let limiter = this.limiters.get(points);
    if (!limiter) {
      const options = { points, duration: this.windowSeconds, keyPrefix: `${this.keyPrefix}rate:${points}` };
      limiter = this.redis
        ? new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(options) })
        : new RateLimiterMemory(options);
      this.limiters.set(points, limiter);
    }
    return limiter;
  }

  async consume(key: string, cost: number, points: number): Promise<RateLimitDecision> {
    try {
      const result = await this.limiter(points).consume(key, Math.max(1, cost));
      return { allowed: true, limit: points, remaining: result.remainingPoints, resetSeconds: Math.ceil(result.msBeforeNext / 1000) };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, limit: points, remaining: Math.max(0, rejection.remainingPoints), resetSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      throw rejection;
    }
  }
}
