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

  /**
   * Spends `cost` points of `key`'s budget. A refusal leaves the budget as it was (the refused
   * request spent nothing but the one point every request costs): a request too big for the
   * budget must not use up what smaller ones could still do.
   */
  async consume(key: string, cost: number, points: number): Promise<RateLimitDecision> {
    const spend = Math.max(1, Math.ceil(cost));
    try {
      const result = await this.limiter(points).consume(key, spend);
      return { allowed: true, limit: points, remaining: result.remainingPoints, resetSeconds: Math.ceil(result.msBeforeNext / 1000) };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        if (spend > 1) await this.refund(key, spend - 1, points);
        return {
          allowed: false,
          limit: points,
          // What is left once all but the refusal's one point is given back.
          remaining: Math.max(0, points - (rejection.consumedPoints - (spend - 1))),
          resetSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
        };
      }
      throw rejection;
    }
  }

  /** Gives back points spent on a request that turned out to be refused. */
  async refund(key: string, points: number, budget: number): Promise<void> {
    if (points <= 0) return;
    await this.limiter(budget).reward(key, Math.ceil(points)).catch(() => undefined);
  }
}
