import type { GraphiQLProps } from "graphiql";

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
      body: JSON.stringify(params),
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
