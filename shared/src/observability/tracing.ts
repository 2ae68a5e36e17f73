import { context, propagation, trace, type TracerProvider } from "@opentelemetry/api";
import type { NodeTracerProvider, SpanProcessor } from "@opentelemetry/sdk-trace-node";
import type { TraceExporterKind } from "../config/telemetry-config.js";

/** An OpenTelemetry instrumentation (`@opentelemetry/instrumentation-*`), as far as this module uses one. */
export interface ModuleInstrumentation {
  setTracerProvider(provider: TracerProvider): void;
  getModuleDefinitions(): { name: string; patch?: (exports: unknown, version?: string) => unknown }[];
}

/**
 * A library whose calls become spans: the instrumentation that patches it (built only when
 * tracing is on) and the `require` of the code that uses the library, so the very module object
 * that code holds is patched — wherever and whenever it was loaded (see startTracing).
 */
export interface TracedModule {
  require: NodeJS.Require;
  instrumentation(): Promise<ModuleInstrumentation>;
}

export interface TracingSetup {
  /** `service.name` of the spans (OTEL_SERVICE_NAME, when set, wins). */
  serviceName: string;
  /** From the configuration (see readTelemetryConfig); null: no exporter. */
  exporter: TraceExporterKind | null;
  /** Where spans go instead of an exporter (tests: an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
  /** Libraries this service uses besides pg (the gateway: ioredis). */
  modules?: TracedModule[];
}

/**
 * Every SQL statement as a span (statement text with its $n placeholders; values are never
 * recorded), only inside a traced request, so start-up migrations make no traces.
 */
const tracedPostgres: TracedModule = {
  require,
  instrumentation: async () => new (await import("@opentelemetry/instrumentation-pg")).PgInstrumentation({ enabled: false, requireParentSpan: true }),
};

let provider: Promise<NodeTracerProvider> | null = null;
let enabled = false;
const patched = new WeakSet<object>();

/**
 * Starts tracing for this process, once: the first call that has somewhere to send spans
 * registers the OpenTelemetry SDK (an AsyncLocalStorage context manager, the W3C propagator, a
 * batch OTLP-over-HTTP exporter configured by the standard OTEL_* variables, the sampler from
 * OTEL_TRACES_SAMPLER); later calls — several services share a process in tests — only add
 * their libraries. Without an exporter nothing is loaded and this returns false.
 *
 * Instrumentations usually patch a library when it is `require`d, which misses one loaded
 * earlier (and every module Jest loads, since Jest has its own module registry). Here each
 * library is patched directly instead: the instrumentation's own patch applied to the module
 * object the service's code gets from its `require`. Both pg and ioredis patch prototypes, so
 * clients created before this call are traced too. (Node's http is not instrumented: each
 * service opens its request span itself, see observe-requests.ts, and calls subgraphs with fetch.)
 */
export async function startTracing(setup: TracingSetup): Promise<boolean> {
  if (!provider) {
    if (!setup.exporter && !setup.spanProcessors) return false;
    provider = createProvider(setup);
  }
  const registered = await provider;
  enabled = true;
  for (const module of [tracedPostgres, ...(setup.modules ?? [])]) await patch(module, registered);
  return true;
}

/** Whether this process records spans (checked on every request, so kept in a variable). */
export function tracingEnabled(): boolean {
  return enabled;
}

/** Sends the spans still buffered (a service calls this when it stops). */
export async function flushTraces(): Promise<void> {
  await (await provider)?.forceFlush();
}

/** Stops tracing and forgets the provider (tests that record spans call this when done). */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = null;
  enabled = false;
  await (await stopping)?.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
}

async function createProvider(setup: TracingSetup): Promise<NodeTracerProvider> {
  const { NodeTracerProvider, BatchSpanProcessor, ConsoleSpanExporter } = await import("@opentelemetry/sdk-trace-node");
  const { defaultResource, detectResources, envDetector, resourceFromAttributes } = await import("@opentelemetry/resources");
  const exporter =
    setup.exporter === "otlp"
      ? new (await import("@opentelemetry/exporter-trace-otlp-http")).OTLPTraceExporter()
      : setup.exporter === "console"
        ? new ConsoleSpanExporter()
        : null;
  const created = new NodeTracerProvider({
    resource: defaultResource()
      .merge(resourceFromAttributes({ "service.name": setup.serviceName }))
      .merge(detectResources({ detectors: [envDetector] })),
    spanProcessors: [...(exporter ? [new BatchSpanProcessor(exporter)] : []), ...(setup.spanProcessors ?? [])],
  });
  created.register();
  return created;
}

/** Applies an instrumentation's patches to the module objects its library's users hold (once per object). */
async function patch(module: TracedModule, registered: NodeTracerProvider): Promise<void> {
  const instrumentation = await module.instrumentation();
  instrumentation.setTracerProvider(registered);
  for (const definition of instrumentation.getModuleDefinitions()) {
    const exports = loadOptional(module.require, definition.name);
    if (!exports || !definition.patch || patched.has(exports)) continue;
    definition.patch(exports, (loadOptional(module.require, `${definition.name}/package.json`) as { version?: string } | null)?.version);
    patched.add(exports);
  }
}

/** The module, or null when the user's code cannot load it (an optional peer, say pg-native). */
function loadOptional(load: NodeJS.Require, name: string): object | null {
  try {
    return load(name) as object;
  } catch {
    return null;
  }
}
