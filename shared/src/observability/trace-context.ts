import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { context, defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT, trace, TraceFlags, type Context } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";

/**
 * W3C trace context (`traceparent`, `tracestate`) in and out of a service. Our own code reads
 * and writes the headers with this one propagator whether or not tracing is on, so an incoming
 * trace id reaches every subgraph (and every log line) even when no span is recorded.
 */
const propagator = new W3CTraceContextPropagator();

/**
 * The trace context a request arrived with. With tracing off and no (valid) `traceparent`, a new
 * unsampled one, so the gateway's log line and each subgraph's still share a trace id; with
 * tracing on, the SDK starts a new trace for the request's span instead.
 */
export function incomingTraceContext(headers: IncomingHttpHeaders, tracing: boolean): Context {
  const extracted = propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
  if (tracing || trace.getSpanContext(extracted)) return extracted;
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: randomBytes(16).toString("hex"),
    spanId: randomBytes(8).toString("hex"),
    traceFlags: TraceFlags.NONE,
    isRemote: true,
  });
}

/** Writes `traceparent` (and `tracestate`) for the span in `traceContext` into outgoing request headers. */
export function injectTraceContext(traceContext: Context, headers: Record<string, string>): void {
  propagator.inject(traceContext, headers, defaultTextMapSetter);
}

/** The trace id of a context's span, if it has one. */
export function traceIdOf(traceContext: Context): string | null {
  return trace.getSpanContext(traceContext)?.traceId ?? null;
}

/**
 * The context a child span starts from: the active one when tracing is on (it holds the
 * innermost span: @apollo/gateway's fetch span, say), else the request's own, which carries the
 * incoming trace. Tracing off registers no context manager, so nothing is active.
 */
export function parentContext(requestContext: Context | null | undefined): Context {
  const active = context.active();
  return trace.getSpan(active) || !requestContext ? active : requestContext;
}
