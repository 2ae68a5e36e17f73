import type { AnswerError } from "@scg/shared";

/**
 * Which limit refused a request (the `limit` label of gateway_refusals_total), or "none". Most
 * limits have a code of their own; the document-shape limits answer GRAPHQL_VALIDATION_FAILED or
 * GRAPHQL_PARSE_FAILED, and their sentences name them (see limits/validation-rules.ts).
 */
export function refusalLimit({ code, message }: AnswerError): string {
  const byCode = LIMIT_BY_CODE[code];
  if (byCode) return byCode;
  if (code !== "GRAPHQL_VALIDATION_FAILED" && code !== "GRAPHQL_PARSE_FAILED") return "none";
  return LIMIT_BY_MESSAGE.find(([pattern]) => pattern.test(message))?.[1] ?? "none";
}

const LIMIT_BY_CODE: Readonly<Record<string, string>> = {
  OPERATION_TOO_COSTLY: "cost",
  RATE_LIMITED: "rate",
  BODY_TOO_LARGE: "body_size",
  DOCUMENT_TOO_LARGE: "document_size",
};

const LIMIT_BY_MESSAGE: readonly [RegExp, string][] = [
  [/depth limit/i, "depth"],
  [/aliases limit/i, "aliases"],
  [/directives limit/i, "directives"],
  [/top-level fields; the limit/i, "root_fields"],
  [/requests too many selections/i, "selections"],
  [/\btokens\b/i, "tokens"],
];
