import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { INTERNAL_CREDENTIAL_HEADER, signInternalCredential } from "@scg/shared";
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
    const { timeoutMs } = options;
    super({
      url: options.url,
      fetcher: ((input: string, init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as never,
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
