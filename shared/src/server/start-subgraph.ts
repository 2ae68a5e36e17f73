import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { GraphQLSchema } from "graphql";
import { INTERNAL_CREDENTIAL_HEADER, verifyInternalCredential } from "../auth/internal-credential.js";
import type { Identity } from "../auth/identity.js";
import type { ServiceConfig } from "../config/service-config.js";
import { AppError, ErrorCode } from "../errors/app-error.js";
import { createFormatError } from "../errors/format-error.js";
import type { Logger } from "../logging/logger.js";
import { graphqlObservationPlugin } from "../observability/graphql-observation.plugin.js";
import { observeRequests } from "../observability/observe-requests.js";
import { observationOf, type RequestObservation } from "../observability/request-observation.js";
import type { SubgraphMetrics } from "../observability/subgraph-metrics.js";

/** What every subgraph request knows before the subgraph adds its loaders. */
export interface RequestScope {
  identity: Identity | null;
  /** Who sent the request: "gateway", or the name of a subgraph calling this one. */
  caller: string;
  requestId: string;
  /** Carries the request's trace id and request id. */
  log: Logger;
  /** What the request's access-log line and span will say (see @scg/shared's observability). */
  observation: RequestObservation;
}

export interface RunningSubgraph {
  url: string;
  port: number;
  /** Its Prometheus endpoint on loopback; null when METRICS_PORT is off. */
  metricsUrl: string | null;
  stop(): Promise<void>;
}

export interface StartSubgraphOptions<Context> {
  schema: GraphQLSchema;
  config: Pick<ServiceConfig, "serviceName" | "host" | "port" | "profile" | "internalSecret" | "cacheMaxAgeSeconds" | "telemetry">;
  log: Logger;
  metrics: SubgraphMetrics;
  /** Builds the per-request context (new DataLoaders every request). */
  createContext: (scope: RequestScope) => Context;
}

/** The gateway's probe of readiness: logged at debug level, not as traffic. */
const READINESS_CALLER = "gateway-readiness";

/**
 * Serves a subgraph schema over HTTP. Every request must carry the gateway's credential
 * (see auth/internal-credential.ts); without it the answer is 401 and nothing runs. Every
 * request gets an access-log line and, with tracing on, a server span that continues the
 * caller's trace (see observability/observe-requests.ts); its request id is the gateway's.
 */
export async function startSubgraphServer<Context extends object>(options: StartSubgraphOptions<Context>): Promise<RunningSubgraph> {
  const { config, log, metrics } = options;
  const app = express();
  app.disable("x-powered-by");
  const httpServer = createServer(app);
  const server = new ApolloServer<Context>({
    schema: options.schema,
    introspection: config.profile === "development",
    includeStacktraceInErrorResponses: false,
    // No Apollo Studio here: federated tracing would only add bytes to every response.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      // Every answer carries Cache-Control (public, max-age) unless a resolver marks its data
      // PRIVATE or shorter-lived; the gateway's caches honour it.
      ApolloServerPluginCacheControl({ defaultMaxAge: config.cacheMaxAgeSeconds }),
      graphqlObservationPlugin<Context>({ log, observationOf: (context) => (context as Partial<RequestScope>).observation }),
      metrics.resolverTimingPlugin(),
    ],
    formatError: createFormatError({ exposeDetails: config.profile === "development", serviceName: config.serviceName }),
  });
  await server.start();

  async function createContext(req: IncomingMessage, observation: RequestObservation): Promise<Context> {
    const header = req.headers[INTERNAL_CREDENTIAL_HEADER];
    const credential = await verifyInternalCredential(Array.isArray(header) ? header[0] : header, config.internalSecret);
    if (!credential) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, `The ${config.serviceName} subgraph answers only requests that come through the gateway.`, {
        http: { status: 401 },
      });
    }
    const requestId = credential.requestId ?? gatewayRequestId(req) ?? randomUUID();
    observation.requestId = requestId;
    observation.callerKind = credential.caller;
    observation.callerId = credential.identity?.subject ?? null;
    observation.quiet = credential.caller === READINESS_CALLER;
    const context = options.createContext({
      identity: credential.identity,
      caller: credential.caller,
      requestId,
      log: log.child({ requestId, traceId: observation.traceId }),
      observation,
    });
    const loaders = (context as { loaders?: Record<string, unknown> }).loaders;
    if (loaders) metrics.observeLoaders(loaders);
    return context;
  }

  app.use(observeRequests({ log, metrics }));
  app.use(express.json({ limit: "50mb" }));
  app.use(
    expressMiddleware(server, {
      context: async ({ req, res }) => {
        const observation = observationOf(res)!;
        try {
          return await createContext(req, observation);
        } catch (error) {
          // formatError masks it; it is logged here, once, with the request's ids.
          if (!(error instanceof AppError)) log.error({ err: error, traceId: observation.traceId }, "unexpected error creating the request context");
          throw error;
        }
      },
    }),
  );
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}/graphql`;
  log.info({ url }, `${config.serviceName} subgraph listening`);
  const endpoint = config.telemetry.metricsPort === null ? null : await metrics.serve(config.telemetry.metricsPort, log);
  return {
    url,
    port,
    metricsUrl: endpoint?.url ?? null,
    async stop() {
      await server.stop();
      await endpoint?.close();
    },
  };
}

/** The gateway's request id (x-request-id), so a subgraph's log lines carry the id the caller was given. */
function gatewayRequestId(req: IncomingMessage): string | null {
  const value = req.headers["x-request-id"];
  return typeof value === "string" && /^[\w-]{1,64}$/.test(value) ? value : null;
}
