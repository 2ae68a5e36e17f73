import { join } from "node:path";
import { DEVELOPMENT_INTERNAL_SECRET, readConfig, subgraphUrlsFrom, type Profile } from "@scg/shared";

export const DEVELOPMENT_JWT_SECRET = "development-only-jwt-secret-change-me-in-production";
export const DEFAULT_SUPERGRAPH_PATH = join(__dirname, "..", "supergraph.graphql");

export interface GatewayConfig {
  profile: Profile;
  host: string;
  port: number;
  supergraphPath: string;
  subgraphUrls: Record<string, string>;
  /** Every subgraph call is abandoned after this long; the affected fields get an error, the rest still answers. */
  subgraphTimeoutMs: number;
  internalSecret: string;
  jwt: {
    issuer: string;
    audience: string;
    /** HS256 secret (development, or when no JWKS URL is set). */
    secret: string | null;
    /** JWKS URL (production): keys are fetched, cached and rotated by jose. */
    jwksUrl: string | null;
  };
  logLevel: string;
}

/** The gateway's configuration: the only place it reads the environment. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<GatewayConfig> {
  return readConfig((read) => {
    const profile = read.profile();
    const jwksUrl = read.optionalUrl("JWT_JWKS_URL") ?? null;
    return {
      profile,
      // The gateway is the public door; subgraphs stay on loopback.
      host: read.string("GATEWAY_HOST", "0.0.0.0"),
      port: read.port("GATEWAY_PORT", 4000),
      supergraphPath: read.string("SUPERGRAPH_PATH", DEFAULT_SUPERGRAPH_PATH),
      subgraphUrls: subgraphUrlsFrom(read),
      subgraphTimeoutMs: read.int("SUBGRAPH_TIMEOUT_MS", 5000, { min: 100, max: 60000 }),
      internalSecret: read.required("INTERNAL_SECRET", DEVELOPMENT_INTERNAL_SECRET),
      jwt: {
        issuer: read.string("JWT_ISSUER", "https://sister-cities-graph.dev"),
        audience: read.string("JWT_AUDIENCE", "sister-cities-graph"),
        secret: jwksUrl ? read.optionalString("JWT_SECRET") ?? null : read.required("JWT_SECRET", DEVELOPMENT_JWT_SECRET),
        jwksUrl,
      },
      logLevel: read.oneOf("LOG_LEVEL", ["fatal", "error", "warn", "info", "debug", "trace", "silent"], "info"),
    };
  }, env);
}
