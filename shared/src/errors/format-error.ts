import type { GraphQLFormattedError } from "graphql";
import { isDatabaseUnavailable } from "../db/database-unavailable.js";
import { ErrorCode, PUBLIC_ERROR_CODES } from "./app-error.js";

export interface FormatErrorOptions {
  /** Show the original message of unexpected errors (development only). */
  exposeDetails: boolean;
  /** The service answering, named when its database is unavailable ("The events service cannot reach its database"). */
  serviceName?: string;
}

/**
 * Builds Apollo Server's `formatError`: errors with a public code pass through (without
 * stack traces); everything else becomes "Unexpected error." with code INTERNAL_SERVER_ERROR,
 * unless `exposeDetails` is on. Stack traces never leave the process. A database that cannot be
 * reached is not a bug but an outage: SERVICE_UNAVAILABLE with a sentence, so callers retry.
 * It logs nothing: the service's GraphQL observation plugin logs each unexpected error once, with
 * its request's trace id (see errorDisposition).
 */
export function createFormatError(options: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
    const { stacktrace: _stack, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    const disposition = errorDisposition(code, original);
    if (disposition === "public") {
      return { ...formatted, extensions: { ...extensions, code } };
    }
    if (disposition === "request") {
      // Apollo Server's own refusals of a malformed request carry an HTTP 4xx status but no code.
      return { ...formatted, extensions: { ...extensions, code: ErrorCode.BAD_REQUEST } };
    }
    if (disposition === "database-unavailable") {
      const service = options.serviceName ? `The ${options.serviceName} service` : "This service";
      return {
        message: `${service} cannot reach its database right now; please try again shortly.`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, ...(extensions.requestId ? { requestId: extensions.requestId } : {}) },
      };
    }
    if (options.exposeDetails) {
      return { ...formatted, extensions: { ...extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
    return {
      message: "Unexpected error.",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(extensions.requestId ? { requestId: extensions.requestId } : {}) },
    };
  };
}

/**
 * What becomes of an error on its way out: "public" (its code is one clients may see), "request"
 * (Apollo Server refused the request), "database-unavailable" (an outage), or "unexpected" (a
 * bug: masked, and logged by the service). `code` is the error's code, INTERNAL_SERVER_ERROR when
 * it has none.
 */
export function errorDisposition(code: string, original: unknown): "public" | "request" | "database-unavailable" | "unexpected" {
  if (PUBLIC_ERROR_CODES.has(code)) return "public";
  if (code === ErrorCode.INTERNAL_SERVER_ERROR && isUncodedRequestError(original)) return "request";
  return isDatabaseUnavailable(original) ? "database-unavailable" : "unexpected";
}

/** An error Apollo Server raised about the request itself: a 4xx status, no code of its own. */
function isUncodedRequestError(error: unknown): boolean {
  const extensions = (error as { extensions?: { code?: unknown; http?: { status?: unknown } } } | null)?.extensions;
  const status = extensions?.http?.status;
  return extensions?.code === undefined && typeof status === "number" && status >= 400 && status < 500;
}
