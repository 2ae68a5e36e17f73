import type { TracedModule } from "@scg/shared";

/**
 * ioredis, as the gateway loads it: each command inside a traced request becomes a span named
 * after the command. The statement attribute is the command's name alone — the keys name
 * callers (rate-limit budgets are kept per IP address, key and user).
 */
export const tracedRedis: TracedModule = {
  require,
  instrumentation: async () =>
    new (await import("@opentelemetry/instrumentation-ioredis")).IORedisInstrumentation({ enabled: false, requireParentSpan: true, dbStatementSerializer: (command) => command }),
};
