import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { observationOf, type ErrorCode } from "@scg/shared";
import type { Limits } from "../limits/limits.js";

/** Answers a refusal in the GraphQL response shape, with a stable code and a sentence (and tells the access log). */
export function refuse(res: express.Response, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}) {
  observationOf(res)?.recordErrors([{ code, message }]);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(status).json({ errors: [{ message, extensions: { code, ...(res.locals.requestId ? { requestId: res.locals.requestId } : {}) } }] });
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * What the HTTP layer accepts before GraphQL sees anything: POST bodies are JSON in UTF-8
 * (415 otherwise), valid UTF-8 (400), at most `maxBodyBytes` (413), well-formed (400); GET
 * carries the operation in the query string, at most `maxDocumentBytes` of query text.
 * Federation's debugging headers are removed so clients cannot ask for query plans.
 */
export function requestGuards(limits: Limits): RequestHandler[] {
  const json = express.json({
    limit: limits.maxBodyBytes,
    strict: false,
    type: () => true,
    verify: (_req, _res, buffer) => {
      utf8.decode(buffer);
    },
  });
  const checkContentType: RequestHandler = (req, res, next) => {
    delete req.headers["apollo-query-plan-experimental"];
    delete req.headers["apollo-federation-include-trace"];
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") {
      const query = req.query.query;
      if (typeof query === "string" && Buffer.byteLength(query) > limits.maxDocumentBytes) {
        return refuse(res, 413, "DOCUMENT_TOO_LARGE", `The query text is ${Buffer.byteLength(query)} bytes; the limit is ${limits.maxDocumentBytes}.`);
      }
      return next();
    }
    if (req.method !== "POST") return refuse(res, 405, "METHOD_NOT_ALLOWED", `${req.method} is not supported here; use GET for queries or POST.`, { Allow: "GET, POST" });
    const type = req.headers["content-type"] ?? "";
    const [mediaType, ...parameters] = type.split(";").map((part) => part.trim().toLowerCase());
    if (mediaType !== "application/json" && mediaType !== "application/graphql-response+json") {
      return refuse(res, 415, "UNSUPPORTED_MEDIA_TYPE", `Send operations as application/json (this request was "${type || "without a content type"}").`);
    }
    const charset = parameters.find((p) => p.startsWith("charset="))?.slice(8).replace(/"/g, "");
    if (charset && charset !== "utf-8" && charset !== "utf8") {
      return refuse(res, 415, "UNSUPPORTED_MEDIA_TYPE", `Only UTF-8 is accepted, not charset "${charset}".`);
    }
    next();
  };
  const checkDocument: RequestHandler = (req, res, next) => {
    const query = req.body && typeof req.body === "object" ? (req.body as { query?: unknown }).query : undefined;
    if (typeof query === "string" && Buffer.byteLength(query) > limits.maxDocumentBytes) {
      return refuse(res, 413, "DOCUMENT_TOO_LARGE", `The query text is ${Buffer.byteLength(query)} bytes; the limit is ${limits.maxDocumentBytes}.`);
    }
    next();
  };
  return [checkContentType, json, checkDocument];
}

/** Turns body-parser failures into coded 4xx answers (never Express's HTML 500 page). */
export const bodyErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const type = (error as { type?: string }).type;
  if (type === "entity.too.large") return refuse(res, 413, "BODY_TOO_LARGE", `The request body is larger than the limit of ${(error as { limit: number }).limit} bytes.`);
  if (type === "entity.parse.failed") return refuse(res, 400, "BAD_REQUEST", "The request body is not valid JSON.");
  if (type === "entity.verify.failed" || error instanceof TypeError) return refuse(res, 400, "BAD_REQUEST", "The request body is not valid UTF-8.");
  if (type === "charset.unsupported" || type === "encoding.unsupported") return refuse(res, 415, "UNSUPPORTED_MEDIA_TYPE", "Only UTF-8 JSON is accepted, without content encoding.");
  if (type === "request.aborted" || type === "request.size.invalid") return refuse(res, 400, "BAD_REQUEST", "The request body was incomplete.");
  return next(error);
};
