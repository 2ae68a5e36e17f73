import { performance } from "node:perf_hooks";
import { HttpConnection, headerValue } from "./http-connection.js";
import type { RequestSchedule, ScheduledRequest, ScheduleStats } from "./request-schedule.js";

/** A request ready to send: its body is built once, before the run. */
export interface LoadRequest extends ScheduledRequest {
  body: Buffer;
}

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationMs: number;
  timeoutMs: number;
}

export interface LoadResult {
  /** Answers received within the duration (any status): what RPS counts. */
  requests: number;
  /** Every request that ended (answered or failed), those still in flight at the end of the duration included: what the CPU window covers. */
  completed: number;
  durationMs: number;
  rps: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: { non200: number; graphql: number; network: number; timeouts: number; total: number };
  /** `x-cache: HIT` / `MISS` answers (our warm gateway says which); null when no answer said. */
  cacheHitRatio: number | null;
  /** Requests sent per operation name, and per request key (for the achieved mix). */
  sentByOperation: Record<string, number>;
  sentByKey: Map<string, number>;
  schedule: ScheduleStats;
  /** A few error answers, truncated, to see what went wrong. */
  errorSamples: string[];
}

/** The exact percentile of sorted values (nearest rank). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/**
 * Whether a JSON answer carries GraphQL errors: a top-level (or any) `"errors":` key. Inside JSON
 * strings a quote is escaped, so the unescaped `"errors":` can only be a key; our schema has no
 * field named `errors`, so it is the GraphQL one.
 */
const ERRORS_KEY = Buffer.from('"errors":');
export function hasGraphQLErrors(body: Buffer): boolean {
  return body.indexOf(ERRORS_KEY) !== -1;
}

/**
 * A closed-loop load: `connections` keep-alive connections, each sending its next request as soon
 * as the previous answer is in, for `durationMs`. Latency is measured from the request's write to
 * the last byte of its answer, every answer kept (exact percentiles). Requests are pre-built bytes
 * on raw keep-alive connections (http-connection.ts), so the generator, which runs in this
 * process on the same cores as everything it measures, takes as little CPU as it can; its CPU is
 * reported apart.
 */
export async function runLoad<R extends LoadRequest>(schedule: RequestSchedule<R>, options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const port = Number(target.port || 80);
  const head = `POST ${target.pathname}${target.search} HTTP/1.1\r\nhost: ${target.host}\r\n${Object.entries(options.headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("")}`;
  const wire = new Map<string, Buffer>();
  const bytesOf = (request: R) => {
    let bytes = wire.get(request.key);
    if (!bytes) {
      bytes = Buffer.concat([Buffer.from(`${head}content-length: ${request.body.length}\r\n\r\n`, "latin1"), request.body]);
      wire.set(request.key, bytes);
    }
    return bytes;
  };
  const latencies: number[] = [];
  const errors = { non200: 0, graphql: 0, network: 0, timeouts: 0, total: 0 };
  const errorSamples: string[] = [];
  const sentByOperation: Record<string, number> = {};
  const sentByKey = new Map<string, number>();
  let hits = 0;
  let misses = 0;
  let answered = 0;
  let completed = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;

  const noteError = (sample: string) => {
    errors.total++;
    if (errorSamples.length < 5) errorSamples.push(sample.slice(0, 300));
  };

  const connection = async () => {
    const http = new HttpConnection(target.hostname, port);
    while (performance.now() < deadline) {
      const request = schedule.take();
      if (!request) {
        await schedule.released();
        continue;
      }
      sentByOperation[request.operation] = (sentByOperation[request.operation] ?? 0) + 1;
      sentByKey.set(request.key, (sentByKey.get(request.key) ?? 0) + 1);
      const sentAt = performance.now();
      try {
        const response = await http.send(bytesOf(request), options.timeoutMs);
        const now = performance.now();
        if (now <= deadline) answered++;
        latencies.push(now - sentAt);
        const cache = headerValue(response.headers, "x-cache");
        if (cache === "hit") hits++;
        else if (cache === "miss") misses++;
        if (response.status !== 200) {
          errors.non200++;
          noteError(`HTTP ${response.status} (${request.operation}): ${response.body.toString("utf8", 0, 300)}`);
        } else if (hasGraphQLErrors(response.body)) {
          errors.graphql++;
          noteError(`GraphQL errors (${request.operation}): ${response.body.toString("utf8", 0, 300)}`);
        }
      } catch (error) {
        const message = (error as Error).message;
        if (message.startsWith("timeout")) errors.timeouts++;
        else errors.network++;
        noteError(`${message} (${request.operation})`);
      } finally {
        completed++;
        schedule.release(request);
      }
    }
    http.close();
  };
  await Promise.all(Array.from({ length: options.connections }, connection));

  const sorted = Float64Array.from(latencies).sort();
  const durationMs = options.durationMs;
  return {
    requests: answered,
    completed,
    durationMs,
    rps: answered / (durationMs / 1000),
    latencyMs: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.length ? sorted[sorted.length - 1] : 0,
      mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0,
    },
    errors,
    cacheHitRatio: hits + misses > 0 ? hits / (hits + misses) : null,
    sentByOperation,
    sentByKey,
    schedule: schedule.stats(),
    errorSamples,
  };
}
