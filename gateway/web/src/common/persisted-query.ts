/** A GraphQL error as the gateway sends it: a sentence and a stable code. */
export interface GatewayError {
  message: string;
  extensions?: { code?: string };
}

/** Why a persisted query did not give data: the HTTP status and the gateway's first error (code and sentence). */
export class PersistedQueryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface PersistedQueryOptions {
  /** The GraphQL endpoint, such as "/graphql" or "https://graph.example.org/graphql". */
  endpoint: string;
  /** The trusted operation's id (the SHA-256 of its body, from the gateway's manifest). */
  id: string;
  operationName: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Runs a trusted operation by GET with its id only (extensions.persistedQuery), so the answer is a
 * plain cacheable URL for the browser and any CDN. `apollo-require-preflight` tells the gateway's
 * CSRF check that the request is a deliberate one. Returns `data`; a refusal (4xx), an error
 * without data, or a body that is not GraphQL throws PersistedQueryError with the gateway's code
 * and sentence (code NETWORK when nothing answered).
 */
export async function persistedQuery<Data>({ endpoint, id, operationName, variables = {}, headers = {}, signal }: PersistedQueryOptions): Promise<Data> {
  const url = new URL(endpoint, location.href);
  url.searchParams.set("operationName", operationName);
  url.searchParams.set("variables", JSON.stringify(variables));
  url.searchParams.set("extensions", JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id } }));
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json", "apollo-require-preflight": "true", ...headers }, signal });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new PersistedQueryError(0, "NETWORK", "The network could not reach the server.");
  }
  const body = (await response.json().catch(() => null)) as { data?: Data | null; errors?: GatewayError[] } | null;
  const first = body?.errors?.[0];
  if (!response.ok || !body || body.data == null) {
    throw new PersistedQueryError(response.status, first?.extensions?.code ?? "UNEXPECTED", first?.message ?? `The server answered HTTP ${response.status}.`);
  }
  return body.data;
}
