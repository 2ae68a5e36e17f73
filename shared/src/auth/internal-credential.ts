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

/** Returns the credential, or `null` when the token is missing, forged, expired or malformed. */
export async function verifyInternalCredential(token: string | undefined, secret: string): Promise<InternalCredential | null> {
  if (!token) return null;
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
    return { identity, caller: String(payload.caller ?? "unknown"), requestId: typeof payload.rid === "string" ? payload.rid : undefined };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return null;
    throw error;
  }
}
