import type { GraphQLFormattedError } from "graphql";
import { isDatabaseUnavailable } from "../db/database-unavailable.js";
import { ErrorCode, PUBLIC_ERROR_CODES } from "./app-error.js";

export interface FormatErrorOptions {
  /** Show the original message of unexpected errors (development only). */
  exposeDetails: boolean;
  /** Called with every error that gets masked, so it reaches the logs. */
  onMasked?: (formatted: GraphQLFormattedError, original: unknown) => void;
  /** The service answering, named when its database is unavailable ("The events service cannot reach its database"). */
  serviceName?: string;
  /** Called when the database was unavailable (an outage, logged as a warning rather than a bug). */
  onDatabaseUnavailable?: (original: unknown) => void;
}

/**
 * Builds Apollo Server's `formatError`: errors with a public code pass through (without
 * stack traces); everything else becomes "Unexpected error." with code INTERNAL_SERVER_ERROR,
 * unless `exposeDetails` is on. Stack traces never leave the process. A database that cannot be
 * reached is not a bug but an outage: SERVICE_UNAVAILABLE with a sentence, so callers retry.
 */
export function createFormatError(options: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
    const { stacktrace: _stack, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (PUBLIC_ERROR_CODES.has(code)) {
      return { ...formatted, extensions: { ...extensions, code } };
    }
    if (code === ErrorCode.INTERNAL_SERVER_ERROR && isUncodedRequestError(original)) {
      // Apollo Server's own refusals of a malformed request carry an HTTP 4xx status but no code.
      return { ...formatted, extensions: { ...extensions, code: ErrorCode.BAD_REQUEST } };
    }
    if (isDatabaseUnavailable(original)) {
      options.onDatabaseUnavailable?.(original);
      const service = options.serviceName ? `The ${options.serviceName} service` : "This service";
      return {
        message: `${service} cannot reach its database right now; please try again shortly.`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, ...(extensions.requestId ? { requestId: extensions.requestId } : {}) },
      };
    }
    options.onMasked?.(formatted, original);
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

/** An error Apollo Server raised about the request itself: a 4xx status, no code of its own. */
function isUncodedRequestError(error: unknown): boolean {
  const extensions = (error as { extensions?: { code?: unknown; http?: { status?: unknown } } } | null)?.extensions;
  const status = extensions?.http?.status;
  return extensions?.code === undefined && typeof status === "number" && status >= 400 && status < 500;
}
