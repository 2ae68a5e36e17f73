import { createRemoteJWKSet, jwtVerify, errors as joseErrors, type JWTPayload } from "jose";
import { AppError, ErrorCode, Role, type Identity } from "@scg/shared";
import type { GatewayConfig } from "../config.js";

/** The claims our tokens carry besides iss/aud/exp/sub. */
export interface UserClaims extends JWTPayload {
  roles?: string[];
  communities?: string[];
  organizations?: string[];
}

const ROLES = new Set<string>(Object.values(Role));

function invalidToken(reason: string) {
  return new AppError(ErrorCode.UNAUTHENTICATED, `The access token was refused: ${reason}`, { http: { status: 401 } });
}

/**
 * Verifies a user's bearer token with jose. Algorithms are pinned (HS256 with the shared secret,
 * or RS256/ES256 from the JWKS — never `none`, never a key named by the token itself);
 * `iss`, `aud` and `exp` are required and checked. Answers the caller's Identity, `null`
 * without a token, and throws UNAUTHENTICATED (HTTP 401) for a token that fails any check.
 */
export function createUserTokenVerifier(jwt: GatewayConfig["jwt"]) {
  const jwks = jwt.jwksUrl ? createRemoteJWKSet(new URL(jwt.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 }) : null;
  const secret = jwt.secret ? new TextEncoder().encode(jwt.secret) : null;

  return async function verify(authorization: string | undefined): Promise<Identity | null> {
    if (!authorization) return null;
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization.trim());
    if (!match) throw invalidToken('the Authorization header must be "Bearer <JWT>".');
    const options = { issuer: jwt.issuer, audience: jwt.audience, requiredClaims: ["exp", "sub"] };
    let payload: UserClaims;
    try {
      if (jwks) {
        ({ payload } = await jwtVerify<UserClaims>(match[1], jwks, { ...options, algorithms: ["RS256", "ES256"] }));
      } else {
        ({ payload } = await jwtVerify<UserClaims>(match[1], secret!, { ...options, algorithms: ["HS256"] }));
      }
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw invalidToken("it has expired.");
      if (error instanceof joseErrors.JWTClaimValidationFailed) throw invalidToken(`its "${error.claim}" claim is not accepted.`);
      if (error instanceof joseErrors.JOSEError) throw invalidToken("its signature or format is not valid.");
      throw error;
    }
    const roles = (payload.roles ?? []).filter((role) => ROLES.has(role)) as Role[];
    if (roles.length === 0) throw invalidToken("it grants no known role.");
    return {
      subject: payload.sub!,
      roles,
      communityIds: Array.isArray(payload.communities) ? payload.communities.map(String) : [],
      organizationIds: Array.isArray(payload.organizations) ? payload.organizations.map(String) : [],
    };
  };
}
