import { GraphQLError } from "graphql";

/**
 * The stable error codes every service answers with, in `extensions.code` — all of them: the
 * gateway's HTTP refusals too. Clients may switch on these; they never change meaning. (Apollo
 * Server's own request codes, such as GRAPHQL_VALIDATION_FAILED, pass through beside them.)
 */
export const ErrorCode = {
  // The request itself
  BAD_REQUEST: "BAD_REQUEST",
  METHOD_NOT_ALLOWED: "METHOD_NOT_ALLOWED",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  BODY_TOO_LARGE: "BODY_TOO_LARGE",
  DOCUMENT_TOO_LARGE: "DOCUMENT_TOO_LARGE",
  // Who is asking
  INVALID_API_KEY: "INVALID_API_KEY",
  ORIGIN_NOT_ALLOWED: "ORIGIN_NOT_ALLOWED",
  // What is asked
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  EVENT_FULL: "EVENT_FULL",
  /** A generated (SAMPLE) event: it never takes registrations. */
  EVENT_NOT_OPEN: "EVENT_NOT_OPEN",
  RATE_LIMITED: "RATE_LIMITED",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  PERSISTED_QUERY_NOT_FOUND: "PERSISTED_QUERY_NOT_FOUND",
  PERSISTED_QUERY_NOT_IN_LIST: "PERSISTED_QUERY_NOT_IN_LIST",
  OPERATION_TOO_COSTLY: "OPERATION_TOO_COSTLY",
  PERSISTED_QUERY_HASH_MISMATCH: "PERSISTED_QUERY_HASH_MISMATCH",
  INTROSPECTION_DISABLED: "INTROSPECTION_DISABLED",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes whose errors are safe to show to any caller, in any profile. */
export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  // Apollo Server's own request-level codes: they describe the caller's request, not our internals.
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/**
 * An error we raise on purpose: a stable `code`, a message that is a full sentence quoting
 * the value at fault, and optional machine-readable details (the field, the limit, …).
 * Everything that is not an AppError (or one of Apollo's request errors) is masked in production.
 */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code } });
    this.code = code;
    this.name = "AppError";
  }
}

export const badUserInput = (message: string, details?: Record<string, unknown>) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, details);
export const notFound = (message: string, details?: Record<string, unknown>) =>
  new AppError(ErrorCode.NOT_FOUND, message, details);
export const unauthenticated = (message = "You must be signed in to do this.") =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message: string) => new AppError(ErrorCode.FORBIDDEN, message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError(ErrorCode.CONFLICT, message, details);
export const serviceUnavailable = (message: string) => new AppError(ErrorCode.SERVICE_UNAVAILABLE, message);
