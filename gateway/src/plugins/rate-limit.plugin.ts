import type { ApolloServerPlugin } from "@apollo/server";
import type { Identity } from "@scg/shared";
import { GraphQLError } from "graphql";
import type { ApiKeyRecord } from "../api-keys/api-key-store.js";
import type { GatewayContext } from "../context.js";
import type { CostRateLimiter, RateLimitDecision } from "../limits/rate-limiter.js";

export interface RateLimitPoints {
  anonymous: number;
  user: number;
}

export interface RateLimitCharge {
  decision: RateLimitDecision;
  headers: Record<string, string>;
  /** The refusal, when over budget. */
  message: string | null;
}

/**
 * Counts an operation's estimated cost against its caller's budget per minute: the API key's
 * own limit, else the signed-in user's, else the IP address's. One function for both places
 * an answer can come from (Apollo Server, and cached answers served before it).
 */
export async function chargeCaller(
  limiter: CostRateLimiter,
  points: RateLimitPoints,
  caller: { apiKey: ApiKeyRecord | null; identity: Identity | null; ip: string },
  cost: number,
): Promise<RateLimitCharge> {
  const { apiKey, identity, ip } = caller;
  const [key, budget] = apiKey ? [`key:${apiKey.id}`, apiKey.rateLimitPoints] : identity ? [`user:${identity.subject}`, points.user] : [`ip:${ip}`, points.anonymous];
  const decision = await limiter.consume(key, cost, budget);
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(decision.limit),
    "RateLimit-Remaining": String(decision.remaining),
    "RateLimit-Reset": String(decision.resetSeconds),
  };
  if (decision.allowed) return { decision, headers, message: null };
  headers["Retry-After"] = String(decision.resetSeconds);
  return {
    decision,
    headers,
    message: `Rate limit reached: this caller may spend ${decision.limit} cost points a minute and this operation costs ${cost}. Try again in ${decision.resetSeconds} s.`,
  };
}

/** Rate limits inside Apollo Server: over budget is HTTP 429 RATE_LIMITED; every answer carries RateLimit-* headers. */
export function rateLimitPlugin(limiter: CostRateLimiter, points: RateLimitPoints): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let headers: Record<string, string> | null = null;
      return {
        async didResolveOperation({ contextValue }) {
          const charge = await chargeCaller(limiter, points, contextValue, contextValue.cost ?? 1);
          headers = charge.headers;
          if (charge.message) {
            throw new GraphQLError(charge.message, { extensions: { code: "RATE_LIMITED", http: { status: 429 } } });
          }
        },
        async willSendResponse({ response }) {
          if (!headers) return;
          for (const [name, value] of Object.entries(headers)) {
            if (!response.http.headers.has(name)) response.http.headers.set(name, value);
          }
        },
      };
    },
  };
}
