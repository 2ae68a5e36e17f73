import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import { AppError, observationOf, type Identity } from "@scg/shared";
import { API_KEY_HEADER, type ApiKeyRecord, type ApiKeyStore } from "../api-keys/api-key-store.js";
import { sharedCacheScope } from "../cache/cache-scope.js";
import { RequestState } from "../context.js";
import { refuse } from "./request-guards.js";

/** Who is calling, settled once per request before GraphQL runs (kept in res.locals.caller). */
export interface Caller {
  identity: Identity | null;
  apiKey: ApiKeyRecord | null;
  ip: string;
  requestId: string;
}

/**
 * Resolves the caller: a request id (echoed as x-request-id), the user from a bearer token
 * (401 UNAUTHENTICATED when the token fails any check), the partner key from x-api-key
 * (401 INVALID_API_KEY when unknown or revoked), and, for a keyed request from a browser, that
 * its Origin is one of the key's origins (403 ORIGIN_NOT_ALLOWED). It also opens the request's
 * state (res.locals.state), which the rest of the pipeline fills in, and tells the access log who
 * called: the kind, and the key's id or the user's subject (never a token).
 */
export function resolveCaller(verifyToken: (authorization: string | undefined) => Promise<Identity | null>, apiKeys: ApiKeyStore | null): RequestHandler {
  return async (req, res, next) => {
    const requestId = randomUUID();
    const observation = observationOf(res)!;
    observation.requestId = requestId;
    res.locals.requestId = requestId;
    res.setHeader("x-request-id", requestId);
    let identity: Identity | null;
    try {
      identity = await verifyToken(req.headers.authorization);
    } catch (error) {
      if (error instanceof AppError) return refuse(res, 401, error.code, error.message, { "WWW-Authenticate": 'Bearer error="invalid_token"' });
      return next(error);
    }
    let apiKey: ApiKeyRecord | null = null;
    const rawKey = req.headers[API_KEY_HEADER];
    if (typeof rawKey === "string" && rawKey !== "") {
      apiKey = apiKeys ? await apiKeys.find(rawKey) : null;
      if (!apiKey) return refuse(res, 401, "INVALID_API_KEY", "The API key is not valid (unknown or revoked).");
      const origin = req.headers.origin;
      if (origin && !apiKey.origins.includes(origin)) {
        return refuse(res, 403, "ORIGIN_NOT_ALLOWED", `This API key may not be used from the origin ${origin}.`);
      }
    }
    const caller: Caller = { identity, apiKey, ip: req.ip ?? req.socket.remoteAddress ?? "unknown", requestId };
    observation.callerKind = apiKey ? "key" : identity ? "user" : "anonymous";
    observation.callerId = apiKey?.id ?? identity?.subject ?? null;
    res.locals.caller = caller;
    res.locals.state = new RequestState(sharedCacheScope(identity), observation);
    next();
  };
}
