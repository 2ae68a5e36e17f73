import pino, { type Logger } from "pino";

export type { Logger };

/** A structured JSON logger (pino), one per service, named after it. */
export function createLogger(service: string, level = "info"): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", "*.email", "*.password"], censor: "[redacted]" },
  });
}
