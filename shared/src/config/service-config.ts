import { readConfig, type EnvReader, type Profile } from "./read-config.js";
import { readTelemetryConfig, type TelemetryConfig } from "./telemetry-config.js";

/** What every subgraph reads the same way. */
export interface ServiceConfig {
  profile: Profile;
  serviceName: string;
  host: string;
  port: number;
  /** Postgres URL; every subgraph keeps its tables in its own schema of this database. */
  databaseUrl: string;
  /**
   * A streaming replica of databaseUrl (DATABASE_READ_URL), or null. With one, the gateway's queries
   * read there; writes, the reads around them and other subgraphs' checks use the primary (see db/read-routing.ts).
   */
  databaseReadUrl: string | null;
  /** Connections in all; with a replica, split between primary and replica (see db/create-data-source.ts). */
  databasePoolSize: number;
  /** The secret the gateway signs its per-request identity credential with (see auth/). */
  internalSecret: string;
  logLevel: string;
  /** The URLs of the subgraphs this one asks (`calls`), for the few writes that must check their data. */
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
  /** The max-age every answer may be cached for unless a resolver says less (Cache-Control to the gateway). */
  cacheMaxAgeSeconds: number;
  /** Traces (OTEL_*) and the loopback metrics port (METRICS_PORT). */
  telemetry: TelemetryConfig;
}

export const DEVELOPMENT_INTERNAL_SECRET = "development-only-internal-secret-change-me-in-production";
export const DEVELOPMENT_DATABASE_URL = "postgres://postgres@127.0.0.1:5544/postgres";

/** The development port of each subgraph (DESIGN.md); PORT or <NAME>_PORT overrides. */
export const DEFAULT_SUBGRAPH_PORTS: Readonly<Record<string, number>> = Object.freeze({
  directory: 4001,
  partnerships: 4002,
  programs: 4003,
  events: 4004,
});

/** `<NAME>_URL` of each subgraph named, defaulting to its development port on loopback. */
export function subgraphUrlsFrom(env: EnvReader, names: readonly string[] = Object.keys(DEFAULT_SUBGRAPH_PORTS)): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const name of names) {
    const port = DEFAULT_SUBGRAPH_PORTS[name];
    if (port === undefined) throw new Error(`No subgraph is called "${name}".`);
    urls[name] = env.url(`${name.toUpperCase()}_URL`, `http://127.0.0.1:${port}/graphql`);
  }
  return urls;
}

/**
 * How long each subgraph's public answers may be cached (gateway, browsers, CDNs). Mutations through
 * the gateway invalidate the gateway's caches at once; these bound what a CDN may keep. Events change
 * most (seats left), the directory least.
 */
export const DEFAULT_CACHE_MAX_AGE: Readonly<Record<string, number>> = Object.freeze({
  directory: 300,
  partnerships: 60,
  programs: 60,
  events: 15,
});

/**
 * What every subgraph reads. `calls` names the subgraphs it asks (through their APIs), so it reads
 * those URLs only and its dependencies are stated where it is configured.
 */
export function readServiceConfig(
  serviceName: string,
  env: Record<string, string | undefined> = process.env,
  { calls = [] }: { calls?: readonly string[] } = {},
): Readonly<ServiceConfig> {
  return readConfig((read) => ({
    profile: read.profile(),
    serviceName,
    // Subgraphs are internal: loopback unless told otherwise (the gateway is the public door).
    host: read.string("HOST", "127.0.0.1"),
    port: read.port(`${serviceName.toUpperCase()}_PORT`, read.port("PORT", DEFAULT_SUBGRAPH_PORTS[serviceName] ?? 0)),
    databaseUrl: read.url("DATABASE_URL", read.profile() === "production" ? read.required("DATABASE_URL") : DEVELOPMENT_DATABASE_URL, [
      "postgres:",
      "postgresql:",
    ]),
    databaseReadUrl: readReplicaUrl(read),
    databasePoolSize: read.int("DATABASE_POOL_SIZE", 10, { min: 1, max: 200 }),
    internalSecret: read.required("INTERNAL_SECRET", DEVELOPMENT_INTERNAL_SECRET),
    logLevel: read.oneOf("LOG_LEVEL", ["fatal", "error", "warn", "info", "debug", "trace", "silent"], "info"),
    subgraphUrls: subgraphUrlsFrom(read, calls),
    subgraphTimeoutMs: read.int("SUBGRAPH_TIMEOUT_MS", 5000, { min: 100, max: 60000 }),
    cacheMaxAgeSeconds: read.int("CACHE_MAX_AGE_SECONDS", DEFAULT_CACHE_MAX_AGE[serviceName] ?? 0, { min: 0, max: 86_400 }),
    telemetry: readTelemetryConfig(read, serviceName),
  }), env);
}

/**
 * DATABASE_READ_URL, read like DATABASE_URL (one setting for every subgraph). A replica only makes
 * sense beside the primary it replicates: without DATABASE_URL a subgraph would use the embedded
 * development database (PGlite), which has no replicas, so that combination is refused rather than
 * half-applied.
 */
export function readReplicaUrl(read: EnvReader): string | null {
  const url = read.optionalUrl("DATABASE_READ_URL", ["postgres:", "postgresql:"]) ?? null;
  if (url !== null && read.optionalString("DATABASE_URL") === undefined) {
    read.problem(
      "DATABASE_READ_URL is set but DATABASE_URL is not: a read replica needs the primary it replicates, and the embedded database has none. Set DATABASE_URL to the primary, or unset DATABASE_READ_URL.",
    );
  }
  return url;
}
