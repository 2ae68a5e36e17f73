import { INTERNAL_CREDENTIAL_HEADER, signInternalCredential } from "../auth/internal-credential.js";
import type { Identity } from "../auth/identity.js";
import { DEVELOPMENT_INTERNAL_SECRET } from "../config/service-config.js";

export interface GraphQLResponse<T = any> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface RequestOptions {
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Sign a gateway credential for this identity (null: anonymous, through the gateway). Omit to send none. */
  asGateway?: { identity: Identity | null; secret?: string };
}

/** Sends one GraphQL POST over real HTTP and returns status, headers and the parsed body. */
export async function graphqlRequest<T = any>(url: string, query: string, options: RequestOptions = {}): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.asGateway) {
    headers[INTERNAL_CREDENTIAL_HEADER] = await signInternalCredential(
      { identity: options.asGateway.identity, caller: "test" },
      options.asGateway.secret ?? DEVELOPMENT_INTERNAL_SECRET,
    );
  }
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables: options.variables ?? {} }) });
  const text = await response.text();
  let body: { data?: T; errors?: GraphQLResponse["errors"] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: response.status, headers: response.headers, data: body.data ?? undefined, errors: body.errors };
}

/** A configuration for a service under test: the run's database, a free port, quiet logs, no metrics endpoint (METRICS_PORT "0" asks for one on a free port). */
export function testServiceEnv(extra: Record<string, string> = {}): Record<string, string> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: run tests through `npm test` (Jest's global setup provisions it).");
  return { DATABASE_URL: url, PORT: "0", LOG_LEVEL: "silent", DATABASE_POOL_SIZE: "4", METRICS_PORT: "off", ...extra };
}
