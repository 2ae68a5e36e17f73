import type { GraphiQLProps } from "graphiql";
import { Kind, parse } from "graphql";

export type Fetcher = GraphiQLProps["fetcher"];

export interface GatewayFetcherOptions {
  endpoint: string;
  /** Sent as `Authorization: Bearer <token>` unless the Headers editor sets Authorization itself. */
  token?: string | null;
  /** Called when the gateway answers 401: the token expired or was never valid. */
  onUnauthorized?: () => void;
}

/**
 * GraphiQL's fetcher for our gateway: a JSON POST to the endpoint (same origin, so the CSP's
 * connect-src 'self' holds) with the headers from GraphiQL's Headers editor on top of ours.
 * The gateway answers refusals (401, 403, 429, …) with a GraphQL-shaped JSON body, which is
 * returned as the result so GraphiQL shows its message; a body that is not JSON becomes one error.
 * The operation name is checked against the document first (see operationNameFor).
 */
export function gatewayFetcher({ endpoint, token, onUnauthorized }: GatewayFetcherOptions): Fetcher {
  return async (params, options) => {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(options?.headers as Record<string, string> | undefined),
      },
      body: JSON.stringify({ ...params, operationName: operationNameFor(params.query, params.operationName) }),
    });
    if (response.status === 401) onUnauthorized?.();
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      return { errors: [{ message: `The gateway answered HTTP ${response.status} without a GraphQL result: ${text.slice(0, 200)}` }] };
    }
  };
}

/**
 * GraphiQL updates the operation name a moment after its editor changes, a tab switch included; a
 * run started in that moment sends the previous tab's name with this tab's document, which the
 * gateway refuses ("no operation named …"). When the name is not one of the document's operations
 * and the document has exactly one, that one is meant.
 */
export function operationNameFor(query: string, operationName: string | null | undefined): string | null | undefined {
  let names: (string | undefined)[];
  try {
    names = parse(query).definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value] : []));
  } catch {
    return operationName; // the gateway says what is wrong with the text
  }
  if (operationName && names.includes(operationName)) return operationName;
  return names.length === 1 ? (names[0] ?? null) : operationName;
}
