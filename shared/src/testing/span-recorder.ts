import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-node";
import { startTracing, stopTracing } from "../observability/tracing.js";

export interface SpanRecorder {
  /** Every span ended since the start (or the last reset), in the order they ended. */
  spans(): ReadableSpan[];
  reset(): void;
  /** Stops tracing in this test file's process. */
  stop(): Promise<void>;
}

/**
 * Turns tracing on for this test file, with every span kept in memory. Call it before starting
 * services: the first call to startTracing in a process wins, and the services' own calls then
 * only add their libraries (see tracing.ts).
 */
export async function recordSpans(): Promise<SpanRecorder> {
  const exporter = new InMemorySpanExporter();
  await startTracing({ serviceName: "scg-test", exporter: null, spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return { spans: () => exporter.getFinishedSpans(), reset: () => exporter.reset(), stop: stopTracing };
}
