import type { Identity } from "@scg/shared";

/** What the gateway knows about one request; data sources turn `identity` into the internal credential. */
export interface GatewayContext {
  identity: Identity | null;
  requestId: string;
}
