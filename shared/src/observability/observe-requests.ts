import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logging/logger.js";
import { RequestObservation } from "./request-observation.js";
import type { ServiceMetrics } from "./service-metrics.js";
import { incomingTraceContext } from "./trace-context.js";
import { tracingEnabled } from "./tracing.js";

const tracer = trace.getTracer("@scg/observability");

/** A request as this module reads it: Node's, with express's `path` when express parsed it. */
export type ObservedRequest = IncomingMessage & { path?: string };
/** A response with a place for per-request values (express's `res.locals`, or set by the server). */
export type ObservedResponse = ServerResponse & { locals: Record<string, unknown> };

export interface ObserveRequestsOptions<Request extends ObservedRequest = ObservedRequest, Response extends ObservedResponse = ObservedResponse> {
  log: Logger;
  metrics: ServiceMetrics;
  /** Requests logged at debug level and never traced (health probes). */
  isQuiet?(req: Request): boolean;
  /**
   * Once the answer is sent: the service's own fields for the access-log line (the gateway's cost
   * and cache result), after it has recorded its own metrics and span attributes.
   */
  finish?(observation: RequestObservation, req: Request, res: Response): Record<string, unknown>;
}

/**
 * What every service does for every request, first in its chain: opens the request's
 * observation (res.locals.observation) with its W3C trace context, counts it in flight and,
 * with tracing on, opens its server span and makes it the active context for everything that
 * follows (the listeners that body parsing adds to the request included). When the response is
 * done, writes the access-log line — trace id, request id, operation, caller kind (and key id
 * or user subject, never a token), status, outcome, error codes, duration — and ends the span.
 * With tracing off this costs the trace-context parse and one log line.
 */
export function observeRequests<Request extends ObservedRequest, Response extends ObservedResponse>(
  options: ObserveRequestsOptions<Request, Response>,
): (req: Request, res: Response, next: () => void) => void {
  const { log, metrics } = options;
  return (req, res, next) => {
    // Routers mounted on a path rewrite req.url while they run: keep the path the request came with.
    const path = req.path ?? pathOf(req.url);
    const method = req.method ?? "GET";
    const quiet = options.isQuiet?.(req) ?? false;
    const tracing = tracingEnabled() && !quiet;
    const incoming = incomingTraceContext(req.headers, tracing);
    const span = tracing ? tracer.startSpan(spanName(method, path), { kind: SpanKind.SERVER, attributes: { "http.request.method": method, "url.path": path } }, incoming) : null;
    const observation = new RequestObservation(span ? trace.setSpan(incoming, span) : incoming);
    observation.quiet = quiet;
    res.locals.observation = observation;
    metrics.inFlight.inc();
    res.once("close", () => {
      metrics.inFlight.dec();
      const extra = options.finish?.(observation, req, res) ?? {};
      const outcome = observation.outcome(res.statusCode);
      const entry = {
        traceId: observation.traceId,
        requestId: observation.requestId,
        method,
        path,
        status: res.statusCode,
        ...(res.writableFinished ? {} : { aborted: true }),
        durationMs: Math.round(observation.elapsedSeconds() * 10_000) / 10,
        operationName: observation.operationName,
        callerKind: observation.callerKind,
        ...(observation.callerId ? { callerId: observation.callerId } : {}),
        outcome,
        ...(observation.errors.length ? { errors: [...new Set(observation.errors.map((error) => error.code))] } : {}),
        ...extra,
      };
      if (observation.quiet) log.debug(entry, "request");
      else log.info(entry, "request");
      if (span) {
        span.setAttributes({ "http.response.status_code": res.statusCode, "scg.outcome": outcome, ...(observation.callerKind ? { "scg.caller.kind": observation.callerKind } : {}) });
        if (outcome === "error") span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    });
    if (!span) return next();
    context.bind(observation.context, req);
    context.bind(observation.context, res);
    context.with(observation.context, next);
  };
}

function pathOf(url: string | undefined): string {
  const end = url ? url.indexOf("?") : -1;
  return !url ? "/" : end === -1 ? url : url.slice(0, end);
}

/** `POST /graphql`, or the method alone for other paths (span names stay few, whatever paths callers try). */
function spanName(method: string, path: string): string {
  return path === "/graphql" ? `${method} /graphql` : method;
}
