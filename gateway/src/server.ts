import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express from "express";
import Redis from "ioredis";
import { createFormatError, createLogger, flushTraces, graphqlObservationPlugin, observationOf, observeRequests, startTracing, type Logger } from "@scg/shared";
import { ApiKeyStore, createGatewayDataSource } from "./api-keys/api-key-store.js";
import { createUserTokenVerifier } from "./auth/verify-user-token.js";
import type { GatewayConfig } from "./config.js";
import type { GatewayContext } from "./context.js";
import { SubgraphDataSource } from "./data-sources/subgraph-data-source.js";
import { resolveCaller, type Caller } from "./http/caller.js";
import type { RequestState } from "./context.js";
import { graphiqlRouter } from "./http/graphiql.js";
import { webAssetsRouter } from "./http/web-assets.js";
import { corsForCallers } from "./http/cors.js";
import { pagesRouter } from "./http/pages.js";
import { healthRouter } from "./http/health.js";
import { bodyErrorHandler, refuse, requestGuards } from "./http/request-guards.js";
import { trustedOperations } from "./http/trusted-operations.js";
import { MemoryCacheStore, RedisCacheStore } from "./cache/cache-store.js";
import { DataGenerations } from "./cache/data-generations.js";
import { EntityCache } from "./cache/entity-cache.js";
import { fastLane } from "./cache/fast-lane.js";
import { queryPlanServices } from "./cache/query-plan-services.js";
import { ResponseCache } from "./cache/response-cache.js";
import { responseCachePlugin } from "./cache/response-cache.plugin.js";
import { CostRateLimiter } from "./limits/rate-limiter.js";
import { limitValidationRules } from "./limits/validation-rules.js";
import { TrustedOperations } from "./persisted/manifest.js";
import { CallerBudgets } from "./limits/caller-budgets.js";
import { operationLimitsPlugin } from "./plugins/operation-limits.plugin.js";
import { requestIdPlugin } from "./plugins/request-id.plugin.js";
import { visibilityPlugin } from "./plugins/visibility.plugin.js";
import { GatewayMetrics } from "./observability/gateway-metrics.js";
import { recordGatewayRequest } from "./observability/record-gateway-request.js";
import { tracedRedis } from "./observability/traced-redis.js";

export interface GatewayOptions {
  /** The composed supergraph; read from `config.supergraphPath` when omitted. */
  supergraphSdl?: string;
  log?: Logger;
}

export interface RunningGateway {
  url: string;
  port: number;
  httpServer: Server;
  apiKeys: ApiKeyStore;
  /** Its Prometheus endpoint on loopback; null when METRICS_PORT is off. */
  metricsUrl: string | null;
  stop(): Promise<void>;
}

/**
 * Wires the public gateway. Order of a request: access log and trace context → HTTP guards (method, media type, UTF-8, sizes)
 * → CORS → caller (request id, JWT, API key, origin) → trusted-operation policy → Apollo Server
 * (document limits as validation rules, cost, visibility, rate limit) → @apollo/gateway → subgraphs.
 */
export async function startGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<RunningGateway> {
  const log = options.log ?? createLogger("gateway", config.logLevel, config.profile);
  await startTracing({ serviceName: "gateway", exporter: config.telemetry.traceExporter, modules: [tracedRedis] });
  const supergraphSdl = options.supergraphSdl ?? readFileSync(config.supergraphPath, "utf8");
  const trusted = TrustedOperations.fromFiles(config.manifestPaths);
  const metrics = new GatewayMetrics(trusted.names());
  const dataSource = createGatewayDataSource(config.databaseUrl, { poolSize: 2, log });
  await dataSource.initialize();
  const apiKeys = new ApiKeyStore(dataSource, config.apiKeyCacheMs);
  // One Redis connection for rate limits and caches; memory stores in development.
  const redis = config.redisUrl ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true }) : null;
  redis?.on("error", (error) => log.warn({ err: error }, "redis error"));
  // Start answering with Redis connected when it is there; without it, caches miss and limits count in memory.
  await redis?.connect().catch((error) => log.error({ err: error }, "redis is not reachable; continuing without it"));
  const limiter = new CostRateLimiter(redis, config.redisKeyPrefix);
  const cacheStore = redis ? new RedisCacheStore(redis, `${config.redisKeyPrefix}cache:`, (error) => log.warn({ err: error }, "cache store error")) : new MemoryCacheStore(config.cache.memoryMegabytes * 1024 * 1024);
  // The subgraphs the supergraph routes to, with their configured URLs.
  const routed = [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)];
  const subgraphUrls = Object.fromEntries(routed.map(([, name, url]) => [name, config.subgraphUrls[name] ?? url]));
  const generations = new DataGenerations(cacheStore, Object.keys(subgraphUrls));
  const responseCache = new ResponseCache(cacheStore, generations);
  const budgets = config.rateLimit.enabled
    ? new CallerBudgets(limiter, { anonymous: config.rateLimit.anonymousPoints, user: config.rateLimit.userPoints })
    : null;
  let loaded = false;

  const gateway = new ApolloGateway({
    supergraphSdl,
    // Each fetch carries its parsed operation, so a data source knows a read from a write without reading the text.
    queryPlannerConfig: { exposeDocumentNodeInFetchNode: true },
    // The response cache and mutation invalidation need to know which subgraphs an operation reads or writes.
    experimental_didResolveQueryPlan: ({ queryPlan, requestContext }) => {
      (requestContext.context as GatewayContext).state.touchedSubgraphs = queryPlanServices(queryPlan);
    },
    buildService: ({ name, url }) =>
      new SubgraphDataSource({
        name,
        // The supergraph names each subgraph's development URL; configuration decides where it really is.
        url: config.subgraphUrls[name] ?? url!,
        internalSecret: config.internalSecret,
        timeoutMs: config.subgraphTimeoutMs,
        entityCache: config.cache.entities ? new EntityCache(cacheStore, (hits, misses) => metrics.countCacheLookups("entity", hits, misses)) : null,
        metrics,
      }),
  });

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use(observeRequests({ log, metrics, isQuiet: (req) => ["/health", "/serving", "/ready"].includes(req.path), finish: recordGatewayRequest(metrics) }));
  const httpServer = createServer({ maxHeaderSize: config.http.maxHeaderBytes }, app);
  httpServer.headersTimeout = config.http.headersTimeoutMs;
  httpServer.requestTimeout = config.http.requestTimeoutMs;
  httpServer.keepAliveTimeout = config.http.keepAliveTimeoutMs;

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Open here; the visibility plugin closes introspection to anonymous callers in production.
    introspection: true,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    // Counts the selections a document asks for with every fragment expanded (each fragment counted
    // once and multiplied by its spreads), in a first validation pass; our own rules and every later
    // pass (cost, planning) run only on documents under the limit. Refused with a 400.
    maxRecursiveSelections: config.limits.maxSelections,
    validationRules: limitValidationRules(config.limits),
    formatError: createFormatError({ exposeDetails: config.profile === "development" }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      visibilityPlugin(config.profile),
      operationLimitsPlugin(config.limits.maxCost, budgets),
      ...(config.cache.responses || config.cache.entities ? [responseCachePlugin(responseCache, { responses: config.cache.responses })] : []),
      requestIdPlugin(),
      graphqlObservationPlugin<GatewayContext>({ log, observationOf: (context) => context.state?.observation }),
    ],
  });
  await apollo.start();
  loaded = true;

  app.use(healthRouter({ subgraphUrls, internalSecret: config.internalSecret, timeoutMs: config.subgraphTimeoutMs, isLoaded: () => loaded }));

  const corsMiddleware = cors(
    corsForCallers({
      configuredOrigins: new Set(config.corsOrigins),
      keyOrigins: () => apiKeys.allOrigins(),
      options: {
        methods: ["GET", "POST"],
        allowedHeaders: ["content-type", "authorization", "x-api-key", "apollo-require-preflight", "x-apollo-operation-name"],
        exposedHeaders: ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Retry-After", "x-request-id", "ETag"],
        maxAge: 600,
      },
    }),
  );
  // CORS first: it must answer preflights before any router's automatic OPTIONS reply.
  app.use("/graphql", corsMiddleware);
  app.use(webAssetsRouter(), graphiqlRouter({ endpoint: "/graphql", profile: config.profile }), pagesRouter({ trusted }));
  app.use(
    "/graphql",
    ...requestGuards(config.limits),
    resolveCaller(createUserTokenVerifier(config.jwt), apiKeys),
    trustedOperations(trusted, config.profile),
    ...(config.cache.responses ? [fastLane(responseCache, budgets)] : []),
    expressMiddleware(apollo, {
      context: async ({ res }): Promise<GatewayContext> => ({ ...(res.locals.caller as Caller), state: res.locals.state as RequestState }),
    }),
  );
  app.use(bodyErrorHandler);
  app.use((_req, res) => refuse(res, 404, "NOT_FOUND", "Nothing here: the GraphQL endpoint is /graphql."));
  app.use(((error, _req, res, _next) => {
    log.error({ err: error, traceId: observationOf(res)?.traceId, requestId: res.locals.requestId }, "unexpected error in the HTTP layer");
    if (!res.headersSent) refuse(res, 500, "INTERNAL_SERVER_ERROR", "Unexpected error.");
  }) as express.ErrorRequestHandler);

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const url = `http://${host}:${port}/graphql`;
  log.info({ url, trustedOperations: trusted.size }, "gateway listening");
  const metricsEndpoint = config.telemetry.metricsPort === null ? null : await metrics.serve(config.telemetry.metricsPort, log);
  return {
    url,
    port,
    httpServer,
    apiKeys,
    metricsUrl: metricsEndpoint?.url ?? null,
    async stop() {
      loaded = false;
      await apollo.stop();
      await metricsEndpoint?.close();
      redis?.disconnect();
      await dataSource.destroy();
      await flushTraces();
    },
  };
}
