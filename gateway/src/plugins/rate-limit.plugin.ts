import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { GatewayContext } from "../context.js";
import type { CostRateLimiter } from "../limits/rate-limiter.js";

export interface RateLimitPoints {
  anonymous: number;
  user: number;
}

/**
 * Counts every operation's estimated cost against its caller's budget per minute: the API key's
 * own limit, else the signed-in user's, else the IP address's. Over budget: HTTP 429
 * RATE_LIMITED with Retry-After; every answer carries RateLimit-Limit/Remaining/Reset.
 */
export function rateLimitPlugin(limiter: CostRateLimiter, points: RateLimitPoints): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let headers: Record<string, string> | null = null;
      return {
        async didResolveOperation({ contextValue }) {
          const { apiKey, identity, ip } = contextValue;
          const [key, budget] = apiKey
            ? [`key:${apiKey.id}`, apiKey.rateLimitPoints]
            : identity
              ? [`user:${identity.subject}`, points.user]
              : [`ip:${ip}`, points.anonymous];
          const decision = await limiter.consume(key, contextValue.cost ?? 1, budget);
          headers = {
            "RateLimit-Limit": String(decision.limit),
            "RateLimit-Remaining": String(decision.remaining),
            "RateLimit-Reset": String(decision.resetSeconds),
          };
          if (!decision.allowed) {
            throw new GraphQLError(
              `Rate limit reached: this caller may spend ${decision.limit} cost points a minute and this operation costs ${contextValue.cost ?? 1}. Try again in ${decision.resetSeconds} s.`,
              { extensions: { code: "RATE_LIMITED", http: { status: 429, headers: new Map(Object.entries({ ...headers, "Retry-After": String(decision.resetSeconds) })) } } },
            );
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
