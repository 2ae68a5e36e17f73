import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from "@apollo/server";
import type { GatewayContext } from "../context.js";
import { readsIntrospection } from "../documents/reads-introspection.js";
import { cachedResponseHeaders, MISS_HEADERS, responseCacheKey, type ResponseCache } from "./response-cache.js";

/**
 * The warm path inside Apollo Server: whole responses to public queries, keyed by the operation
 * text, its name, its variables and the caller's cache scope (see cache-scope.ts), kept for the
 * max-age the subgraphs' cache hints allow (the gateway's overall cache policy; PRIVATE or
 * uncacheable answers are never stored, nor answers with errors, nor introspection, whose
 * visibility depends on the caller). A hit is served only while every subgraph it was read from
 * is at the generation it was read at; every mutation through the gateway bumps the generations
 * of the subgraphs its plan touched (see data-generations.ts) before its answer is sent.
 * Most hits never get here: fast-lane.ts serves them before Apollo Server runs, and hands its
 * lookup on (state.cacheLookup) so a miss is not looked up twice. This path serves what the fast
 * lane cannot see: operations whose text Apollo Server fills in (APQ by hash).
 * With `responses: false` it only records the generations (for the entity cache) and invalidates.
 */
export function responseCachePlugin(cache: ResponseCache, { responses = true } = {}): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue: { state } }) {
      let key: string | null = null;
      return {
        async responseForOperation({ operation, request, source }): Promise<GraphQLResponse | null> {
          // No operation: the operationName names none in the document; execution refuses it (400).
          if (!operation || operation.operation !== "query" || state.cacheScope !== "public") return null;
          if (!responses) {
            // Entity cache only: it still needs the generations as they were when the read began.
            state.generations = await cache.generations.snapshot();
            return null;
          }
          // `source`: the text Apollo Server runs, also when the request carried only an APQ hash.
          key = responseCacheKey(source ?? request.query ?? "", request.operationName, request.variables, state.cacheScope);
          const lookup = state.cacheLookup?.key === key ? state.cacheLookup : await cache.lookup(key);
          if (!lookup.generations) {
            key = null; // the store cannot vouch for anything: neither serve nor fill
            return null;
          }
          state.generations = lookup.generations;
          if (!lookup.entry) return null;
          state.cacheOutcome = "response-cache";
          const headers = new HeaderMap(Object.entries(cachedResponseHeaders(lookup.entry, "response-cache")));
          return { http: { status: undefined, headers }, body: { kind: "single", singleResult: JSON.parse(lookup.entry.body) } };
        },

        async willSendResponse({ response, operation, document, overallCachePolicy }) {
          if (operation?.operation === "mutation") {
            // Whatever it changed is read from the subgraphs its plan fetched from.
            if (state.touchedSubgraphs?.size) await cache.generations.bump(state.touchedSubgraphs);
            return;
          }
          if (state.cacheOutcome === "response-cache" || !key || response.body.kind !== "single") return;
          state.cacheOutcome = "miss";
          for (const [name, value] of Object.entries(MISS_HEADERS)) response.http.headers.set(name, value);
          const result = response.body.singleResult;
          const policy = overallCachePolicy.policyIfCacheable();
          if (result.errors?.length || !policy || policy.scope === "PRIVATE" || !state.generations || !state.touchedSubgraphs) return;
          if (document && readsIntrospection(document)) return;
          const read = Object.fromEntries([...state.touchedSubgraphs].map((name) => [name, state.generations![name] ?? 0]));
          const now = Date.now();
          // Serialized exactly as Apollo Server does (JSON and a newline), so ETags match across HIT and MISS.
          await cache.save(key, { body: `${JSON.stringify(result)}\n`, generations: read, cost: state.cost ?? 1, storedAt: now, expiresAt: now + policy.maxAge * 1000 });
        },
      };
    },
  };
}
