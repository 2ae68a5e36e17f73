import { context, SpanKind, SpanStatusCode, trace, type Context, type Span } from "@opentelemetry/api";
import { injectTraceContext, parentContext } from "./trace-context.js";

const tracer = trace.getTracer("@scg/observability");

/**
 * One call to a subgraph (from the gateway, or from another subgraph) inside a CLIENT span
 * `subgraph <name>` with the attribute `subgraph.name`. `call` gets the headers that carry the
 * trace on (`traceparent`, `tracestate`) and the span, for attributes of its own; work it starts
 * (cache lookups) runs in the span. With tracing off the span records nothing and the headers
 * pass the request's incoming trace on (see parentContext).
 */
export async function traceSubgraphCall<T>(subgraph: string, requestContext: Context | null | undefined, call: (traceHeaders: Record<string, string>, span: Span) => Promise<T>): Promise<T> {
  const parent = parentContext(requestContext);
  const span = tracer.startSpan(`subgraph ${subgraph}`, { kind: SpanKind.CLIENT, attributes: { "subgraph.name": subgraph } }, parent);
  const callContext = trace.setSpan(parent, span);
  const traceHeaders: Record<string, string> = {};
  injectTraceContext(callContext, traceHeaders);
  try {
    return await context.with(callContext, () => call(traceHeaders, span));
  } catch (error) {
    // The error's code, never its message: messages may quote data.
    span.setStatus({ code: SpanStatusCode.ERROR, message: String((error as { extensions?: { code?: unknown } }).extensions?.code ?? "error") });
    throw error;
  } finally {
    span.end();
  }
}
