import type { Identity } from "@scg/shared";
import type { ApiKeyRecord } from "./api-keys/api-key-store.js";

/** What the gateway knows about one request; data sources turn `identity` into the internal credential. */
export interface GatewayContext {
  identity: Identity | null;
  /** The partner key the request came with, if any. */
  apiKey: ApiKeyRecord | null;
  /** The caller's address, for anonymous rate limits. */
  ip: string;
  requestId: string;
  /** Estimated cost of the operation (set once the operation is resolved). */
  cost?: number;
}
