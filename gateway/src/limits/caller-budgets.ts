import type { Identity } from "@scg/shared";
import type { ApiKeyRecord } from "../api-keys/api-key-store.js";
import type { CostRateLimiter, RateLimitDecision } from "./rate-limiter.js";

export interface RateLimitPoints {
  anonymous: number;
  user: number;
}

/** Who a charge is counted against: the API key, else the signed-in user, else the IP address. */
export interface BudgetHolder {
  apiKey: ApiKeyRecord | null;
  identity: Identity | null;
  ip: string;
}

/** One charge against a caller's budget: what to tell the caller, and how to take it back. */
export interface RateLimitCharge {
  decision: RateLimitDecision;
  /** RateLimit-Limit / -Remaining / -Reset, and Retry-After when refused. */
  headers: Record<string, string>;
  /** The refusal, when over budget (nothing but one point was spent). */
  message: string | null;
  /** Points actually spent (1 when refused). */
  spent: number;
  /** Gives back all but one point: for a request that turned out to be refused after it was charged. */
  refundToOne(): Promise<void>;
}

/**
 * Operation-cost budgets per minute: an API key's own limit, else the signed-in user's, else the
 * IP address's. One object for both places an answer can come from (Apollo Server, and cached
 * answers served before it). Every request costs at least one point; a refused one costs exactly one.
 */
export class CallerBudgets {
  constructor(private readonly limiter: CostRateLimiter, private readonly points: RateLimitPoints) {}

  private budgetOf({ apiKey, identity, ip }: BudgetHolder): [key: string, budget: number] {
    if (apiKey) return [`key:${apiKey.id}`, apiKey.rateLimitPoints];
    if (identity) return [`user:${identity.subject}`, this.points.user];
    return [`ip:${ip}`, this.points.anonymous];
  }

  async charge(holder: BudgetHolder, cost: number): Promise<RateLimitCharge> {
    const [key, budget] = this.budgetOf(holder);
    const decision = await this.limiter.consume(key, cost, budget);
    const spent = decision.allowed ? Math.max(1, Math.ceil(cost)) : 1;
    const headers: Record<string, string> = {
      "RateLimit-Limit": String(decision.limit),
      "RateLimit-Remaining": String(decision.remaining),
      "RateLimit-Reset": String(decision.resetSeconds),
    };
    let refunded = false;
    const refundToOne = async () => {
      if (refunded || spent <= 1) return;
      refunded = true;
      await this.limiter.refund(key, spent - 1, budget);
      headers["RateLimit-Remaining"] = String(Math.min(decision.limit, decision.remaining + spent - 1));
    };
    if (decision.allowed) return { decision, headers, message: null, spent, refundToOne };
    headers["Retry-After"] = String(decision.resetSeconds);
    return {
      decision,
      headers,
      spent,
      refundToOne,
      message: `Rate limit reached: this caller may spend ${decision.limit} cost points a minute, ${decision.remaining} are left, and this operation costs ${cost}. Try again in ${decision.resetSeconds} s.`,
    };
  }
}
