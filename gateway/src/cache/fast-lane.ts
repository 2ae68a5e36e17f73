import type { RequestHandler } from "express";
import type { RequestState } from "../context.js";
import type { Caller } from "../http/caller.js";
import { refuse } from "../http/request-guards.js";
import type { CallerBudgets } from "../limits/caller-budgets.js";
import { cachedResponseHeaders, responseCacheKey, type ResponseCache } from "./response-cache.js";

function readParams(method: string, source: Record<string, unknown>): { query: string; operationName: string | null; variables: unknown } | null {
  const { query, operationName } = source;
  if (typeof query !== "string" || query === "" || (operationName != null && typeof operationName !== "string")) return null;
  let variables = source.variables;
  if (method === "GET" && typeof variables === "string") {
    try {
      variables = JSON.parse(variables);
    } catch {
      return null; // Apollo Server answers the malformed request
    }
  }
  return { query, operationName: (operationName as string | undefined) ?? null, variables };
}

/**
 * The warm path's fast lane: a public query whose answer is cached and current is answered here,
 * before Apollo Server parses anything. It runs after every check that decides who may send what
 * (HTTP guards, identity, keys and origins, trusted operations, persisted-query hashes); a cached
 * answer exists only for an operation that once passed validation, every limit and the visibility
 * rules in Apollo Server, and was stored under the same caller scope. Rate limits are charged its
 * stored cost. A miss goes on to Apollo Server with its lookup (state.cacheLookup), so the store
 * is asked once.
 */
export function fastLane(cache: ResponseCache, budgets: CallerBudgets | null): RequestHandler {
  return async (req, res, next) => {
    if (req.method !== "GET" && req.method !== "POST") return next();
    // Apollo Server's CSRF prevention decides about a GET without a preflight-forcing header.
    if (req.method === "GET" && !req.headers["apollo-require-preflight"] && !req.headers["x-apollo-operation-name"]) return next();
    const caller = res.locals.caller as Caller;
    const state = res.locals.state as RequestState;
    const source = (req.method === "GET" ? req.query : req.body) as Record<string, unknown> | undefined;
    const params = state.cacheScope && source && !Array.isArray(source) ? readParams(req.method, source) : null;
    if (!state.cacheScope || !params) return next();
    const lookup = await cache.lookup(responseCacheKey(params.query, params.operationName, params.variables, state.cacheScope));
    state.cacheLookup = lookup;
    const entry = lookup.entry;
    if (!entry) return next();
    if (budgets) {
      const charge = await budgets.charge(caller, entry.cost);
      res.set(charge.headers);
      if (charge.message) return refuse(res, 429, "RATE_LIMITED", charge.message);
    }
    state.cacheOutcome = "fast-lane";
    res.set(cachedResponseHeaders(entry, "fast-lane"));
    res.type("application/json").send(entry.body);
  };
}
