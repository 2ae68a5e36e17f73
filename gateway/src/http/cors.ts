import type { Request } from "express";
import type { CorsOptions, CorsOptionsDelegate } from "cors";
import { API_KEY_HEADER } from "../api-keys/api-key-store.js";

export interface CorsForCallersOptions {
  /** CORS_ORIGINS: pages of our own that may call with any credential. */
  configuredOrigins: ReadonlySet<string>;
  /** Every active API key's origins (cached by the key store). */
  keyOrigins: () => Promise<ReadonlySet<string>>;
  options: Omit<CorsOptions, "origin">;
}

/** Whether a request carries an API key, or is the preflight of one that will. */
function announcesApiKey(req: Request): boolean {
  if (typeof req.headers[API_KEY_HEADER] === "string") return true;
  const requested = req.method === "OPTIONS" ? req.headers["access-control-request-headers"] : undefined;
  return typeof requested === "string" && requested.toLowerCase().split(",").some((name) => name.trim() === API_KEY_HEADER);
}

/**
 * Which origins CORS answers for. Our configured origins and every active key's origins, as
 * before; and any origin for a request that carries an API key (or its preflight): a key names its
 * own origins, and resolveCaller checks the request's Origin against them (403 ORIGIN_NOT_ALLOWED).
 * Answering CORS for that refusal lets the page read it, so a partner's widget on a page its key
 * does not allow says so instead of failing as a network error. Nothing is granted by CORS alone:
 * no cookies are used, and the key decides.
 */
export function corsForCallers({ configuredOrigins, keyOrigins, options }: CorsForCallersOptions): CorsOptionsDelegate<Request> {
  return (req, callback) => {
    const origin = req.headers.origin;
    if (!origin || configuredOrigins.has(origin) || announcesApiKey(req)) return callback(null, { ...options, origin: true });
    keyOrigins().then(
      (origins) => callback(null, { ...options, origin: origins.has(origin) }),
      () => callback(null, { ...options, origin: false }),
    );
  };
}
