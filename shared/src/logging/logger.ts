import pino, { type Logger } from "pino";
import type { Profile } from "../config/read-config.js";

export type { Logger };

/**
 * A structured JSON logger (pino), one per service, named after it. Lines are JSON for machines
 * (log shippers, tests that read them); only when a person is watching — the development profile
 * and a terminal on stdout — does pino-pretty (loaded only then, in pino's worker) make them readable.
 */
export function createLogger(service: string, level = "info", profile: Profile = "production"): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", "req.headers['x-api-key']", "*.email", "*.password"], censor: "[redacted]" },
    ...(profile === "development" && process.stdout.isTTY ? { transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" } } } : {}),
  });
}
