import { SignJWT } from "jose";
import type { Identity } from "@scg/shared";
import type { GatewayConfig } from "../config.js";

/**
 * Signs a user token in the format the gateway verifies (HS256, development and tests; in
 * production tokens come from the identity provider and are checked against its JWKS).
 */
export async function signUserToken(
  identity: Identity,
  jwt: Pick<GatewayConfig["jwt"], "issuer" | "audience" | "secret">,
  expiresIn: string | number = "1h",
): Promise<string> {
  if (!jwt.secret) throw new Error("No JWT_SECRET configured: this gateway verifies tokens from a JWKS and cannot sign its own.");
  return new SignJWT({ roles: identity.roles, communities: identity.communityIds, organizations: identity.organizationIds })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(jwt.issuer)
    .setAudience(jwt.audience)
    .setSubject(identity.subject)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(jwt.secret));
}
