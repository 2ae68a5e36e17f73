import { join } from "node:path";
import { DEVELOPMENT_DATABASE_URL, DEVELOPMENT_INTERNAL_SECRET, readConfig, readTelemetryConfig, subgraphUrlsFrom, type Profile, type TelemetryConfig } from "@scg/shared";
import { readLimits, type Limits } from "./limits/limits.js";

export const DEVELOPMENT_JWT_SECRET = "development-only-jwt-secret-change-me-in-production";
export const DEFAULT_SUPERGRAPH_PATH = join(__dirname, "..", "supergraph.graphql");
export const DEFAULT_MANIFEST_PATH = join(__dirname, "..", "persisted-operations.json");

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
  /** Postgres for the gateway's own table (API keys), in schema "gateway". */
  databaseUrl: string;
  /** Shared rate-limit counts across replicas; memory when unset (development only). */
  redisUrl: string | null;
  redisKeyPrefix: string;
  /** Origins of the network's own sites, allowed by CORS without a key. */
  corsOrigins: string[];
  /** How long a replica trusts what it read of an API key (a revocation takes effect within this). */
  apiKeyCacheMs: number;
  /** Trusted-operation manifests (Apollo persisted query manifest format). */
  manifestPaths: string[];
  rateLimit: { enabled: boolean; anonymousPoints: number; userPoints: number; defaultKeyPoints: number };
  limits: Limits;
  /** The warm path: whole public responses and `_entities` results (see plugins/response-cache.plugin.ts). */
  cache: { responses: boolean; entities: boolean; memoryMegabytes: number };
  /** Node HTTP server timeouts, so slow clients cannot pin connections. */
  http: { headersTimeoutMs: number; requestTimeoutMs: number; keepAliveTimeoutMs: number; maxHeaderBytes: number };
  /** Traces (OTEL_*) and the loopback metrics port (METRICS_PORT, default 9464). */
  telemetry: TelemetryConfig;
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
      databaseUrl: read.url("DATABASE_URL", profile === "production" ? read.required("DATABASE_URL") : DEVELOPMENT_DATABASE_URL, ["postgres:", "postgresql:"]),
      // Rate-limit counts, cached responses and entities, data generations: in Redis so replicas share
      // them (required in production; SHARED_STORE=memory opts out for a single replica), else in memory.
      redisUrl:
        read.oneOf("SHARED_STORE", ["redis", "memory"], profile === "production" || read.optionalString("REDIS_URL") ? "redis" : "memory") === "redis"
          ? read.url("REDIS_URL", read.required("REDIS_URL"), ["redis:", "rediss:"])
          : null,
      /** Namespaces every Redis key, so deployments (or test runs) sharing a Redis never see each other's data. */
      redisKeyPrefix: read.string("REDIS_KEY_PREFIX", "scg:"),
      corsOrigins: read.list("CORS_ORIGINS", ["http://localhost:3000"]),
      apiKeyCacheMs: read.int("API_KEY_CACHE_SECONDS", 30, { min: 0, max: 3600 }) * 1000,
      manifestPaths: read.list("TRUSTED_OPERATION_MANIFESTS", [DEFAULT_MANIFEST_PATH]),
      rateLimit: {
        enabled: read.bool("RATE_LIMIT_ENABLED", true),
        anonymousPoints: read.int("RATE_LIMIT_ANONYMOUS_POINTS", 20_000, { min: 1 }),
        userPoints: read.int("RATE_LIMIT_USER_POINTS", 100_000, { min: 1 }),
        defaultKeyPoints: read.int("RATE_LIMIT_KEY_POINTS", 60_000, { min: 1 }),
      },
      limits: readLimits(read),
      cache: {
        responses: read.bool("RESPONSE_CACHE_ENABLED", true),
        entities: read.bool("ENTITY_CACHE_ENABLED", true),
        memoryMegabytes: read.int("CACHE_MEMORY_MB", 64, { min: 1, max: 4096 }),
      },
      http: {
        headersTimeoutMs: read.int("HTTP_HEADERS_TIMEOUT_MS", 10_000, { min: 1000 }),
        requestTimeoutMs: read.int("HTTP_REQUEST_TIMEOUT_MS", 30_000, { min: 1000 }),
        keepAliveTimeoutMs: read.int("HTTP_KEEP_ALIVE_TIMEOUT_MS", 5_000, { min: 100 }),
        maxHeaderBytes: read.int("HTTP_MAX_HEADER_BYTES", 16_384, { min: 1024, max: 65_536 }),
      },
      telemetry: readTelemetryConfig(read, "gateway"),
    };
  }, env);
}
