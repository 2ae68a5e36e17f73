import type { Identity } from "@scg/shared";
import type { ApiKeyRecord } from "./api-keys/api-key-store.js";
import type { CacheLookup } from "./cache/response-cache.js";

/** What the gateway knows about one request; data sources turn `identity` into the internal credential. */
export interface GatewayContext {
  identity: Identity | null;
  /** The partner key the request came with, if any. */
  apiKey: ApiKeyRecord | null;
  /** The caller's address, for anonymous rate limits. */
  ip: string;
  requestId: string;
  /** "public" when the caller may share cached answers (see cache/cache-scope.ts), else null. */
  cacheScope: "public" | null;
  /** Estimated cost of the operation (set once the operation is resolved). */
  cost?: number;
  /** The subgraphs the operation's query plan fetches from (set once it is planned). */
  touchedSubgraphs?: Set<string>;
  /** Each subgraph's data generation when the request began (set for cacheable reads). */
  generations?: Record<string, number>;
  /** The response-cache lookup already made for this request (a miss), if any. */
  cacheLookup?: CacheLookup;
}
