import { serviceUnavailable } from "../errors/app-error.js";
import { INTERNAL_CREDENTIAL_HEADER, signInternalCredential } from "../auth/internal-credential.js";
import type { Identity } from "../auth/identity.js";

export interface SubgraphClientOptions {
  /** The calling service's name, recorded in the credential. */
  caller: string;
  /** Which subgraph is asked (for error messages). */
  target: string;
  url: string;
  internalSecret: string;
  timeoutMs: number;
}

/**
 * Asks another subgraph a question through its GraphQL API, for the few writes that must
 * check data they do not own (does this community exist? is that partnership active?).
 * Carries the internal credential and a timeout; an unreachable, slow or failing subgraph
 * becomes a SERVICE_UNAVAILABLE error with a sentence, never a hang.
 */
export function createSubgraphClient(options: SubgraphClientOptions) {
  return async function query<T>(document: string, variables: Record<string, unknown>, identity: Identity | null = null): Promise<T> {
    const credential = await signInternalCredential({ identity, caller: options.caller }, options.internalSecret);
    let response: Response;
    try {
      response = await fetch(options.url, {
        method: "POST",
        headers: { "content-type": "application/json", [INTERNAL_CREDENTIAL_HEADER]: credential },
        body: JSON.stringify({ query: document, variables }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch {
      throw serviceUnavailable(`The ${options.target} service did not answer within ${options.timeoutMs} ms; please try again shortly.`);
    }
    const body = (await response.json().catch(() => null)) as { data?: T; errors?: { message: string }[] } | null;
    if (!response.ok || !body?.data || body.errors?.length) {
      throw serviceUnavailable(`The ${options.target} service could not answer (HTTP ${response.status}); please try again shortly.`);
    }
    return body.data;
  };
}
