import { performance } from "node:perf_hooks";
import { trace, type Context, type Span } from "@opentelemetry/api";
import { ErrorCode } from "../errors/app-error.js";
import { traceIdOf } from "./trace-context.js";

/** How a request ended: answered in full, refused (the caller's fault or a limit), failed, or answered in part. */
export type Outcome = "ok" | "refused" | "error" | "partial";

/** One error of an answer: its code (logged, counted) and message (read to tell limits apart, never logged). */
export interface AnswerError {
  code: string;
  message: string;
}

/** Codes that say the service failed, not the caller. */
const FAILURE_CODES: ReadonlySet<string> = new Set([ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.SERVICE_UNAVAILABLE]);

/** Errors kept per answer: enough to classify and log, bounded whatever a response holds. */
const MAX_ERRORS = 10;

/**
 * What one request's access-log line and server span say, opened by the access-log middleware
 * (observe-requests.ts) before anything else runs and filled in on the way: the caller by the
 * service's authentication, the operation and the answer's errors by the GraphQL plugin (or by
 * an HTTP-level refusal), the rest by the service when the answer has been sent.
 */
export class RequestObservation {
  readonly startedAt = performance.now();
  requestId: string | null = null;
  /** "anonymous", "key", "user" at the gateway; the calling service at a subgraph. */
  callerKind: string | null = null;
  /** The key's id or the user's subject (never a token); logged, never put in a span. */
  callerId: string | null = null;
  operationName: string | null = null;
  /** Set when GraphQL answered; otherwise the HTTP status decides (see outcome()). */
  private answered: { hasData: boolean } | null = null;
  readonly errors: AnswerError[] = [];
  /** Logged at debug level (readiness probes). */
  quiet = false;

  constructor(
    /** The request's trace context: its server span when tracing is on, else the incoming trace. */
    readonly context: Context,
  ) {}

  get span(): Span | undefined {
    return trace.getSpan(this.context);
  }

  get traceId(): string | null {
    return traceIdOf(this.context);
  }

  /** Records a GraphQL answer: whether it carried data, and its errors' codes. */
  recordAnswer(data: Record<string, unknown> | null | undefined, errors: readonly { message: string; extensions?: Record<string, unknown> }[] = []): void {
    this.answered = { hasData: data != null && Object.values(data).some((value) => value !== null) };
    this.recordErrors(errors.map((error) => ({ code: String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR), message: error.message })));
  }

  /** Records errors answered outside GraphQL (an HTTP-level refusal). */
  recordErrors(errors: readonly AnswerError[]): void {
    this.errors.push(...errors.slice(0, MAX_ERRORS - this.errors.length));
  }

  /** ok / refused / error / partial, from the answer and, where GraphQL did not answer, the status. */
  outcome(status: number): Outcome {
    if (this.errors.length === 0) return status >= 500 ? "error" : status >= 400 ? "refused" : "ok";
    if (this.answered?.hasData) return "partial";
    return status >= 500 || this.errors.some((error) => FAILURE_CODES.has(error.code)) ? "error" : "refused";
  }

  /** Seconds since the request arrived. */
  elapsedSeconds(): number {
    return (performance.now() - this.startedAt) / 1000;
  }
}

/** The observation the access-log middleware opened for this response (undefined outside one). */
export function observationOf(res: { locals: Record<string, unknown> }): RequestObservation | undefined {
  return res.locals.observation as RequestObservation | undefined;
}
