import type { EnvReader } from "./read-config.js";

/** Where spans go: OTLP over HTTP, the console (for a look while developing), or nowhere (tracing off). */
export type TraceExporterKind = "otlp" | "console";

/** What every service reads about traces and metrics. */
export interface TelemetryConfig {
  /** null: tracing is off (the SDK is not loaded; incoming `traceparent` is still passed on to subgraphs). */
  traceExporter: TraceExporterKind | null;
  /** The loopback port of `/metrics` (0 picks a free one); null: no metrics endpoint. */
  metricsPort: number | null;
}

/** The loopback port of each service's `/metrics` (DESIGN.md): never its public port. */
export const DEFAULT_METRICS_PORTS: Readonly<Record<string, number>> = Object.freeze({
  gateway: 9464,
  directory: 9465,
  partnerships: 9466,
  programs: 9467,
  events: 9468,
});

/**
 * Reads the standard OpenTelemetry variables that decide whether there are traces at all
 * (OTEL_SDK_DISABLED, OTEL_TRACES_EXPORTER, OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT; the exporter
 * reads the rest — headers, timeout — itself) and the metrics port: `<SERVICE>_METRICS_PORT`,
 * else `METRICS_PORT`, else the service's default; `off` turns the endpoint off. The
 * per-service name lets `npm start`, whose processes share one environment, move one of them.
 */
export function readTelemetryConfig(read: EnvReader, serviceName: string): TelemetryConfig {
  const endpoint = read.optionalUrl("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") ?? read.optionalUrl("OTEL_EXPORTER_OTLP_ENDPOINT");
  const exporter = read.oneOf("OTEL_TRACES_EXPORTER", ["otlp", "console", "none"], endpoint ? "otlp" : "none");
  const disabled = read.bool("OTEL_SDK_DISABLED", false);
  const own = readMetricsPort(read, `${serviceName.toUpperCase()}_METRICS_PORT`);
  const metricsPort = own !== undefined ? own : readMetricsPort(read, "METRICS_PORT");
  return {
    traceExporter: disabled || exporter === "none" ? null : exporter,
    metricsPort: metricsPort !== undefined ? metricsPort : (DEFAULT_METRICS_PORTS[serviceName] ?? 0),
  };
}

/** A port, `off` (null, returned as such), or undefined when the variable is not set. */
function readMetricsPort(read: EnvReader, name: string): number | null | undefined {
  const value = read.optionalString(name);
  if (value === undefined) return undefined;
  if (["off", "none", "false"].includes(value.toLowerCase())) return null;
  return read.port(name, 0);
}
