import type { Request, Response } from "express";
import type { RequestObservation } from "@scg/shared";
import type { RequestState } from "../context.js";
import type { Caller } from "../http/caller.js";
import type { GatewayMetrics } from "./gateway-metrics.js";
import { refusalLimit } from "./refusal-limit.js";

/** Longest operation name an access-log line quotes from a request that GraphQL did not parse. */
const MAX_LOGGED_NAME = 100;

/**
 * What the gateway records once a request's answer has been sent (the `finish` of its
 * observeRequests): for a GraphQL request (a JSON answer on /graphql — not the IDE's page, not a
 * CORS preflight), its duration by operation and outcome, the response cache's hit or miss, a
 * refusal by code and limit (also an event on the request's span) and a rate-limited caller.
 * Returns the access-log line's own fields: the operation's cost and how the cache served it.
 */
export function recordGatewayRequest(metrics: GatewayMetrics) {
  return (observation: RequestObservation, req: Request, res: Response): Record<string, unknown> => {
    const state = res.locals.state as RequestState | undefined;
    if (!isGraphQLAnswer(req, res)) return {};
    observation.operationName ??= requestedOperationName(req);
    const outcome = observation.outcome(res.statusCode);
    metrics.observeOperation(observation.operationName, outcome, observation.elapsedSeconds());
    if (state && state.cacheOutcome !== "bypass") metrics.countCacheLookups("response", state.cacheOutcome === "miss" ? 0 : 1, state.cacheOutcome === "miss" ? 1 : 0);
    if (outcome === "refused") recordRefusal(metrics, observation, res.locals.caller as Caller | undefined);
    observation.span?.setAttributes({ "scg.cache": state?.cacheOutcome ?? "bypass", ...(state?.cost != null ? { "scg.cost": state.cost } : {}) });
    return { cost: state?.cost ?? null, cache: state?.cacheOutcome ?? null };
  };
}

function recordRefusal(metrics: GatewayMetrics, observation: RequestObservation, caller: Caller | undefined): void {
  const error = observation.errors[0] ?? { code: "unknown", message: "" };
  const limit = refusalLimit(error);
  metrics.countRefusal(error.code, limit);
  observation.span?.addEvent("refused", { "error.code": error.code, "scg.limit": limit });
  if (error.code === "RATE_LIMITED" && caller) metrics.countRateLimited(observation.callerKind ?? "anonymous", budgetHolder(caller));
}

/** Whom a rate-limit budget belongs to, as caller-budgets.ts counts them: the key, else the user, else the address. */
function budgetHolder({ apiKey, identity, ip }: Caller): string {
  return apiKey ? `key:${apiKey.id}` : identity ? `user:${identity.subject}` : `ip:${ip}`;
}

function isGraphQLAnswer(req: Request, res: Response): boolean {
  // originalUrl: the mounted /graphql router has rewritten req.url while it answered.
  return req.originalUrl.split("?")[0] === "/graphql" && /json/.test(String(res.getHeader("content-type") ?? ""));
}

/** The operation name the request asked for (fast-lane answers and refusals never parse the document). */
function requestedOperationName(req: Request): string | null {
  const source = (req.method === "GET" ? req.query : req.body) as Record<string, unknown> | undefined;
  const name = source && !Array.isArray(source) ? source.operationName : undefined;
  return typeof name === "string" && name !== "" ? name.slice(0, MAX_LOGGED_NAME) : null;
}
