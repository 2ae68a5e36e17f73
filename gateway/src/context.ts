import type { RequestObservation } from "@scg/shared";
import type { CacheLookup } from "./cache/response-cache.js";
import type { Caller } from "./http/caller.js";

/** How an answer was served, for the Server-Timing header (and the logs). */
export type CacheOutcome = "fast-lane" | "response-cache" | "miss" | "bypass";

/**
 * What the gateway learns about one request as it goes through the pipeline, in one typed object
 * instead of loose context fields. Each field says who writes it and when; everyone after may read it.
 */
export class RequestState {
  /** The fast lane's lookup, when it missed (so Apollo Server does not ask the store again). Written by cache/fast-lane.ts. */
  cacheLookup: CacheLookup | null = null;
  /** The operation's estimated cost. Written by the operation-limits plugin at didResolveOperation. */
  cost: number | null = null;
  /** The subgraphs the operation's query plan fetches from. Written by the query-plan hook in server.ts. */
  touchedSubgraphs: Set<string> | null = null;
  /** Each subgraph's data generation when a cacheable read began. Written by the response-cache plugin; read by the entity cache. */
  generations: Record<string, number> | null = null;
  /** How the answer was served. Written by the fast lane and the response-cache plugin. */
  cacheOutcome: CacheOutcome = "bypass";

  constructor(
    /** "public" when the caller may share cached answers (see cache/cache-scope.ts), else null. */
    readonly cacheScope: "public" | null,
    /**
     * The request's access-log line and span, opened before anything else by the access-log
     * middleware (its trace context goes to every subgraph call); the caller, the GraphQL plugin
     * and refusals fill it in.
     */
    readonly observation: RequestObservation,
  ) {}
}

/** What the gateway's GraphQL layer knows about one request: the caller (settled in the HTTP layer), and the request's state. */
export interface GatewayContext extends Caller {
  readonly state: RequestState;
}
