import type { RequestHandler } from "express";
import { operationId, type TrustedOperations } from "../persisted/manifest.js";
import type { Caller } from "./caller.js";
import { refuse } from "./request-guards.js";

interface PersistedQueryExtension {
  persistedQuery?: { version?: number; sha256Hash?: string };
}

function readExtensions(raw: unknown): PersistedQueryExtension | undefined {
  if (typeof raw === "string") {
    try {
      return JSON.parse(raw) as PersistedQueryExtension;
    } catch {
      return undefined;
    }
  }
  return raw && typeof raw === "object" ? (raw as PersistedQueryExtension) : undefined;
}

/**
 * Trusted (persisted) operations. A client may send a trusted operation's id as
 * `extensions.persistedQuery.sha256Hash` (POST, or a cacheable GET) and the gateway fills in
 * the body from the manifest. Who may send free-form operations: everyone in development; in
 * production, signed-in analysts, admins and staff, and API keys that allow it. Everyone else
 * may run only trusted operations (a key only its own list, when it has one): an unknown id is
 * PERSISTED_QUERY_NOT_FOUND (404), a body that is not on the list PERSISTED_QUERY_NOT_IN_LIST (403).
 * Free-form callers keep Apollo's automatic persisted queries (APQ).
 *
 * A request that carries both a body and a hash must agree with itself: a hash that is not the
 * body's SHA-256 is PERSISTED_QUERY_HASH_MISMATCH (400) before anything runs, is cached or is
 * stored, so a hash can never come to stand for another document.
 */
export function trustedOperations(trusted: TrustedOperations, profile: "development" | "production"): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "POST") return next();
    const caller = res.locals.caller as Caller;
    const params = req.method === "GET" ? (req.query as Record<string, unknown>) : ((req.body ?? {}) as Record<string, unknown>);
    if (Array.isArray(params)) return next(); // batches are refused by Apollo Server (batching is off)
    const freeForm = profile === "development" || (caller.identity?.roles.length ?? 0) > 0 || caller.apiKey?.allowFreeForm === true;
    const allowed = caller.apiKey?.trustedOperations ? new Set(caller.apiKey.trustedOperations) : null;
    const permitted = (id: string) => allowed === null || allowed.has(id);
    const query = params.query;
    const hash = readExtensions(params.extensions)?.persistedQuery?.sha256Hash;

    if (typeof query === "string" && query !== "") {
      if (typeof hash === "string" && operationId(query) !== hash) {
        return refuse(res, 400, "PERSISTED_QUERY_HASH_MISMATCH", "The persisted query hash is not the SHA-256 of the query sent with it; send the query's own hash, or the hash alone.");
      }
      if (freeForm) return next();
      const id = trusted.idOfBody(query);
      if (id && permitted(id)) return next();
      return refuse(res, 403, "PERSISTED_QUERY_NOT_IN_LIST", "Only trusted operations may be sent without signing in; send a trusted operation's id, or sign in to send your own operations.");
    }
    if (typeof hash === "string") {
      const operation = trusted.get(hash);
      if (operation && permitted(hash)) {
        if (req.method === "POST") (req.body as Record<string, unknown>).query = operation.body;
        else req.url += `${req.url.includes("?") ? "&" : "?"}query=${encodeURIComponent(operation.body)}`;
        return next();
      }
      if (freeForm) return next(); // Apollo's APQ cache answers (or asks for the body)
      return refuse(res, 404, "PERSISTED_QUERY_NOT_FOUND", `No trusted operation has the id "${hash.slice(0, 80)}".`);
    }
    next();
  };
}
