import { createHash } from "node:crypto";
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from "@apollo/server";
import type { FormattedExecutionResult } from "graphql";
import type { GatewayContext } from "../context.js";
import type { CacheStore } from "../cache/cache-store.js";
import { DataGenerations } from "../cache/data-generations.js";

interface CachedResponse {
  result: FormattedExecutionResult;
  /** The generations of the subgraphs the response was read from, when the read began. */
  generations: Record<string, number>;
  storedAt: number;
  expiresAt: number;
}

/**
 * The warm path: whole responses to public queries, keyed by the operation text, its name, its
 * variables and the caller's cache scope (see cache-scope.ts), kept for the max-age the subgraphs'
 * cache hints allow (the gateway's overall cache policy; PRIVATE or uncacheable answers are never
 * stored, nor answers with errors). A hit is served only while every subgraph it was read from is
 * at the generation it was read at; every mutation through the gateway bumps the generations of
 * the subgraphs its plan wrote to (see data-generations.ts) before its answer is sent.
 * Answers say `x-cache: HIT` or `MISS`, and carry `Cache-Control`/`Age` for browsers and CDNs.
 * With `responses: false` it only records the generations (for the entity cache) and invalidates.
 */
export function responseCachePlugin(store: CacheStore, generations: DataGenerations, { responses = true } = {}): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      let key: string | null = null;
      let hit = false;
      return {
        async responseForOperation({ operation, request }): Promise<GraphQLResponse | null> {
          if (operation.operation !== "query" || contextValue.cacheScope !== "public") return null;
          if (!responses) {
            // Entity cache only: it still needs the generations as they were when the read began.
            contextValue.generations = (await generations.snapshot()) ?? undefined;
            return null;
          }
          key = `response:${createHash("sha256").update(JSON.stringify([request.query, request.operationName ?? null, request.variables ?? {}, contextValue.cacheScope])).digest("base64url")}`;
          const [raw, now] = await Promise.all([store.get(key), generations.snapshot()]);
          if (!now) {
            key = null; // the store cannot vouch for anything: neither serve nor fill
            return null;
          }
          contextValue.generations = now;
          if (!raw) return null;
          const entry = JSON.parse(raw) as CachedResponse;
          const remaining = Math.floor((entry.expiresAt - Date.now()) / 1000);
          if (remaining <= 0 || !DataGenerations.unchanged(entry.generations, now)) return null;
          hit = true;
          const headers = new HeaderMap([
            ["cache-control", `public, max-age=${remaining}`],
            ["age", String(Math.floor((Date.now() - entry.storedAt) / 1000))],
            ["x-cache", "HIT"],
          ]);
          return { http: { status: undefined, headers }, body: { kind: "single", singleResult: entry.result } };
        },

        async willSendResponse({ response, operation, overallCachePolicy }) {
          if (operation?.operation === "mutation") {
            // Whatever it changed is read from the subgraphs its plan fetched from.
            if (contextValue.touchedSubgraphs?.size) await generations.bump(contextValue.touchedSubgraphs);
            return;
          }
          if (hit || !key || response.body.kind !== "single") return;
          response.http.headers.set("x-cache", "MISS");
          const result = response.body.singleResult;
          const policy = overallCachePolicy.policyIfCacheable();
          if (result.errors?.length || !policy || policy.scope === "PRIVATE" || !contextValue.generations || !contextValue.touchedSubgraphs) return;
          const read = Object.fromEntries([...contextValue.touchedSubgraphs].map((name) => [name, contextValue.generations![name] ?? 0]));
          const entry: CachedResponse = { result, generations: read, storedAt: Date.now(), expiresAt: Date.now() + policy.maxAge * 1000 };
          await store.set(key, JSON.stringify(entry), policy.maxAge);
        },
      };
    },
  };
}
