import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { INTERNAL_CREDENTIAL_HEADER, serviceUnavailable, signInternalCredential } from "@scg/shared";
import type { GatewayContext } from "../context.js";

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  internalSecret: string;
  timeoutMs: number;
}

/**
 * How the gateway talks to one subgraph: Node's fetch (undici: pooled keep-alive connections),
 * a hard timeout (@apollo/gateway sets none), and the internal credential that tells the
 * subgraph who is asking. Nothing the client sent in its headers is forwarded.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly internalSecret: string;

  constructor(options: SubgraphDataSourceOptions) {
    const { timeoutMs, name } = options;
    super({
      url: options.url,
      // A subgraph that is down or slower than the timeout becomes a SERVICE_UNAVAILABLE error on
      // the fields it would have answered (never its URL or host name); the rest of the answer stands.
      fetcher: (async (input: string, init?: RequestInit) => {
        try {
          return await fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
        } catch (error) {
          const timedOut = (error as Error).name === "TimeoutError";
          throw serviceUnavailable(
            timedOut ? `The ${name} service did not answer within ${timeoutMs} ms.` : `The ${name} service is unavailable.`,
          );
        }
      }) as never,
    });
    this.internalSecret = options.internalSecret;
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const identity = "identity" in context ? (context as GatewayContext).identity : null;
    const requestId = "requestId" in context ? (context as GatewayContext).requestId : undefined;
    request.http!.headers.set(
      INTERNAL_CREDENTIAL_HEADER,
      await signInternalCredential({ identity: identity ?? null, caller: "gateway", requestId }, this.internalSecret),
    );
  }
}
