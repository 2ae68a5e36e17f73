/** SQLSTATE classes and codes that mean "the database cannot serve you now", not "your query is wrong". */
const UNAVAILABLE_SQLSTATES = /^(08|57P0[1-4]|53300|53400)/;
const UNAVAILABLE_NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|Connection ended unexpectedly|timeout exceeded when trying to connect|Query read timeout|not queryable|the database system is (starting up|shutting down|in recovery mode)|Client was closed/i;

/**
 * Whether an error (or what it wraps: TypeORM's driverError, a GraphQLError's originalError, an
 * Error's cause) says the database could not be reached or dropped the connection — an outage to
 * report as SERVICE_UNAVAILABLE ("try again shortly"), never an unexpected error. A transaction
 * that fails this way has rolled back (or, if the commit's answer was lost, may have committed):
 * either way the caller learns to retry, and nothing half-written remains.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, message, driverError, originalError, cause } = error as {
    code?: unknown; message?: unknown; driverError?: unknown; originalError?: unknown; cause?: unknown;
  };
  if (typeof code === "string" && (UNAVAILABLE_NETWORK_CODES.has(code) || (code.length === 5 && UNAVAILABLE_SQLSTATES.test(code)))) return true;
  if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
  return [driverError, originalError, cause].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
