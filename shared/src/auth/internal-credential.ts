import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import type { Identity, Role } from "./identity.js";

/**
 * The gateway → subgraph credential. The gateway strips whatever identity headers a client
 * sent, and signs a short-lived token (HS256 with the internal secret) for every subgraph
 * request: "this request came through the gateway, on behalf of this identity (or nobody)".
 * Subgraphs refuse requests without a valid one, so calling a subgraph directly grants nothing.
 */
export const INTERNAL_CREDENTIAL_HEADER = "x-scg-gateway-credential";
const ISSUER = "scg-gateway";
const AUDIENCE = "scg-subgraphs";
const LIFETIME_SECONDS = 60;

const keys = new Map<string, Uint8Array>();
function keyOf(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = new TextEncoder().encode(secret)));
  return key;
}

export interface InternalCredential {
  identity: Identity | null;
  /** Who signed: "gateway", or a subgraph calling another for a write check. */
  caller: string;
  requestId?: string;
}

/** Signs a credential; `lifetimeSeconds` is 60 for the gateway (longer only for benchmarks' static headers). */
export async function signInternalCredential(credential: InternalCredential, secret: string, lifetimeSeconds = LIFETIME_SECONDS): Promise<string> {
  const { identity } = credential;
  return new SignJWT({
    caller: credential.caller,
    ...(credential.requestId ? { rid: credential.requestId } : {}),
    ...(identity ? { roles: identity.roles, communityIds: identity.communityIds, organizationIds: identity.organizationIds } : {}),
  })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(identity?.subject ?? "anonymous")
    .setIssuedAt()
    .setExpirationTime(`${lifetimeSeconds}s`)
    .sign(keyOf(secret));
}

/**
 * Tokens already verified, until they expire. The gateway reuses a token for many requests (one
 * per identity for 30 s), and checking its signature on each was a measurable share of a
 * subgraph's CPU per request. Keyed by secret and token, so a token is never accepted under a
 * secret it was not verified with; bounded (cleared when full).
 */
const verified = new Map<string, { credential: InternalCredential; untilMs: number }>();
const MAX_VERIFIED = 10_000;

/** Returns the credential, or `null` when the token is missing, forged, expired or malformed. */
export async function verifyInternalCredential(token: string | undefined, secret: string): Promise<InternalCredential | null> {
  if (!token) return null;
  const cacheKey = `${secret}\n${token}`;
  const known = verified.get(cacheKey);
  if (known) {
    if (known.untilMs > Date.now()) return known.credential;
    verified.delete(cacheKey);
  }
  const credential = await verifySignature(token, secret);
  if (credential) {
    // Shared by every request that carries the token: nobody may change it.
    if (credential.credential.identity) deepFreeze(credential.credential.identity);
    Object.freeze(credential.credential);
    if (verified.size >= MAX_VERIFIED) verified.clear();
    verified.set(cacheKey, credential);
  }
  return credential?.credential ?? null;
}

async function verifySignature(token: string, secret: string): Promise<{ credential: InternalCredential; untilMs: number } | null> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { algorithms: ["HS256"], issuer: ISSUER, audience: AUDIENCE });
    const roles = Array.isArray(payload.roles) ? (payload.roles as Role[]) : null;
    const identity: Identity | null =
      roles && payload.sub && payload.sub !== "anonymous"
        ? {
            subject: payload.sub,
            roles,
            communityIds: Array.isArray(payload.communityIds) ? (payload.communityIds as string[]) : [],
            organizationIds: Array.isArray(payload.organizationIds) ? (payload.organizationIds as string[]) : [],
          }
        : null;
    return {
      credential: { identity, caller: String(payload.caller ?? "unknown"), requestId: typeof payload.rid === "string" ? payload.rid : undefined },
      untilMs: (payload.exp ?? 0) * 1000,
    };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return null;
    throw error;
  }
}

function deepFreeze(identity: Identity): void {
  Object.freeze(identity.roles);
  Object.freeze(identity.communityIds);
  Object.freeze(identity.organizationIds);
  Object.freeze(identity);
}
