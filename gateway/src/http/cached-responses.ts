import type { RequestHandler } from "express";
import { sharedCacheScope } from "../cache/cache-scope.js";
import { responseCacheKey, type ResponseCache } from "../cache/response-cache.js";
import type { CallerBudgets } from "../limits/caller-budgets.js";
import type { Caller } from "./caller.js";
import { refuse } from "./request-guards.js";

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
 * (HTTP guards, identity, keys and origins, trusted operations); a cached answer exists only for an
 * operation that once passed validation, every limit and the visibility rules in Apollo Server,
 * and was stored under the same caller scope. Rate limits are charged its stored cost. A miss goes
 * on to Apollo Server with its lookup, so the store is asked once.
 */
export function serveCachedResponses(cache: ResponseCache, budgets: CallerBudgets | null): RequestHandler {
  return async (req, res, next) => {
    if (req.method !== "GET" && req.method !== "POST") return next();
    // Apollo Server's CSRF prevention decides about a GET without a preflight-forcing header.
    if (req.method === "GET" && !req.headers["apollo-require-preflight"] && !req.headers["x-apollo-operation-name"]) return next();
    const caller = res.locals.caller as Caller;
    const scope = sharedCacheScope(caller.identity);
    const source = (req.method === "GET" ? req.query : req.body) as Record<string, unknown> | undefined;
    const params = scope && source && !Array.isArray(source) ? readParams(req.method, source) : null;
    if (!scope || !params) return next();
    const lookup = await cache.lookup(responseCacheKey(params.query, params.operationName, params.variables, scope));
    res.locals.cacheLookup = lookup;
    const entry = lookup.entry;
    if (!entry) return next();
    if (budgets) {
      const result = await budgets.charge(caller, entry.cost);
      for (const [name, value] of Object.entries(result.headers)) res.setHeader(name, value);
      if (result.message) return refuse(res, 429, "RATE_LIMITED", result.message);
    }
    res.setHeader("cache-control", `public, max-age=${Math.max(0, Math.floor((entry.expiresAt - Date.now()) / 1000))}`);
    res.setHeader("age", String(Math.floor((Date.now() - entry.storedAt) / 1000)));
    res.setHeader("x-cache", "HIT");
    res.type("application/json").send(entry.body);
  };
}
