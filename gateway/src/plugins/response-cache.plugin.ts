import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from "@apollo/server";
import { visit, type DocumentNode } from "graphql";
import type { GatewayContext } from "../context.js";
import { responseCacheKey, type ResponseCache } from "../cache/response-cache.js";

const introspects = (document: DocumentNode) => {
  let found = false;
  visit(document, { Field: (node) => void (found ||= node.name.value === "__schema" || node.name.value === "__type") });
  return found;
};

/**
 * The warm path inside Apollo Server: whole responses to public queries, keyed by the operation
 * text, its name, its variables and the caller's cache scope (see cache-scope.ts), kept for the
 * max-age the subgraphs' cache hints allow (the gateway's overall cache policy; PRIVATE or
 * uncacheable answers are never stored, nor answers with errors, nor introspection, whose
 * visibility depends on the caller). A hit is served only while every subgraph it was read from
 * is at the generation it was read at; every mutation through the gateway bumps the generations
 * of the subgraphs its plan touched (see data-generations.ts) before its answer is sent.
 * Most hits never get here: http/cached-responses.ts serves them before Apollo Server runs, and
 * hands its lookup on (contextValue.cacheLookup) so a miss is not looked up twice.
 * Answers say `x-cache: HIT` or `MISS`, and carry `Cache-Control`/`Age` for browsers and CDNs.
 * With `responses: false` it only records the generations (for the entity cache) and invalidates.
 */
export function responseCachePlugin(cache: ResponseCache, { responses = true } = {}): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      let key: string | null = null;
      let hit = false;
      return {
        async responseForOperation({ operation, request }): Promise<GraphQLResponse | null> {
          if (operation.operation !== "query" || contextValue.cacheScope !== "public") return null;
          if (!responses) {
            // Entity cache only: it still needs the generations as they were when the read began.
            contextValue.generations = (await cache.generations.snapshot()) ?? undefined;
            return null;
          }
          key = responseCacheKey(request.query ?? "", request.operationName, request.variables, contextValue.cacheScope);
          const lookup = contextValue.cacheLookup?.key === key ? contextValue.cacheLookup : await cache.lookup(key);
          if (!lookup.generations) {
            key = null; // the store cannot vouch for anything: neither serve nor fill
            return null;
          }
          contextValue.generations = lookup.generations;
          if (!lookup.entry) return null;
          hit = true;
          const remaining = Math.max(0, Math.floor((lookup.entry.expiresAt - Date.now()) / 1000));
          const headers = new HeaderMap([
            ["cache-control", `public, max-age=${remaining}`],
            ["age", String(Math.floor((Date.now() - lookup.entry.storedAt) / 1000))],
            ["x-cache", "HIT"],
          ]);
          return { http: { status: undefined, headers }, body: { kind: "single", singleResult: JSON.parse(lookup.entry.body) } };
        },

        async willSendResponse({ response, operation, document, overallCachePolicy }) {
          if (operation?.operation === "mutation") {
            // Whatever it changed is read from the subgraphs its plan fetched from.
            if (contextValue.touchedSubgraphs?.size) await cache.generations.bump(contextValue.touchedSubgraphs);
            return;
          }
          if (hit || !key || response.body.kind !== "single") return;
          response.http.headers.set("x-cache", "MISS");
          const result = response.body.singleResult;
          const policy = overallCachePolicy.policyIfCacheable();
          if (result.errors?.length || !policy || policy.scope === "PRIVATE" || !contextValue.generations || !contextValue.touchedSubgraphs) return;
          if (document && introspects(document)) return;
          const read = Object.fromEntries([...contextValue.touchedSubgraphs].map((name) => [name, contextValue.generations![name] ?? 0]));
          const now = Date.now();
          // Serialized exactly as Apollo Server does (JSON and a newline), so ETags match across HIT and MISS.
          await cache.save(key, { body: `${JSON.stringify(result)}\n`, generations: read, cost: contextValue.cost ?? 1, storedAt: now, expiresAt: now + policy.maxAge * 1000 });
        },
      };
    },
  };
}
