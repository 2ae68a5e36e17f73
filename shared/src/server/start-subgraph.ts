import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { GraphQLSchema } from "graphql";
import { INTERNAL_CREDENTIAL_HEADER, verifyInternalCredential } from "../auth/internal-credential.js";
import type { Identity } from "../auth/identity.js";
import type { ServiceConfig } from "../config/service-config.js";
import { AppError, ErrorCode } from "../errors/app-error.js";
import { createFormatError } from "../errors/format-error.js";
import type { Logger } from "../logging/logger.js";
import { graphqlObservationPlugin } from "../observability/graphql-observation.plugin.js";
import { observeRequests, type ObservedResponse } from "../observability/observe-requests.js";
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

/** The largest request body a subgraph reads (the gateway's `_entities` batches are the largest). */
const MAX_BODY_BYTES = 50 * 1024 * 1024;

/**
 * Serves a subgraph schema over HTTP. Every request must carry the gateway's credential
 * (see auth/internal-credential.ts); without it the answer is 401 and nothing runs. Every
 * request gets an access-log line and, with tracing on, a server span that continues the
 * caller's trace (see observability/observe-requests.ts); its request id is the gateway's.
 * Node's own http server hands requests to Apollo Server (no web framework: a subgraph serves one
 * path to one caller, and express's routing and body parsing were a measurable share of its CPU).
 */
export async function startSubgraphServer<Context extends object>(options: StartSubgraphOptions<Context>): Promise<RunningSubgraph> {
  const { config, log, metrics } = options;
  const observe = observeRequests<IncomingMessage, ObservedResponse>({ log, metrics });
  const httpServer = createServer((req, res) => {
    const observed = Object.assign(res, { locals: {} as Record<string, unknown> });
    observe(req, observed, () => void serve(req, observed));
  });
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

  async function serve(req: IncomingMessage, res: ObservedResponse): Promise<void> {
    try {
      const query = req.url?.indexOf("?") ?? -1;
      const path = query === -1 ? req.url : req.url!.slice(0, query);
      if (path !== "/graphql") return sendJson(res, 404, { errors: [{ message: "Not found: this service answers on /graphql.", extensions: { code: "NOT_FOUND" } }] });
      const body = await readBody(req);
      if (body === TOO_LARGE) return sendJson(res, 413, { errors: [{ message: "The request body is too large.", extensions: { code: "BAD_REQUEST" } }] });
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      let parsed: unknown = undefined;
      if (body && /json/i.test(req.headers["content-type"] ?? "")) {
        try {
          parsed = JSON.parse(body);
        } catch {
          return sendJson(res, 400, { errors: [{ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] });
        }
      }
      const answer = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers, search: query === -1 ? "" : req.url!.slice(query), body: parsed },
        context: async () => {
          const observation = observationOf(res)!;
          try {
            return await createContext(req, observation);
          } catch (error) {
            // formatError masks it; it is logged here, once, with the request's ids.
            if (!(error instanceof AppError)) log.error({ err: error, traceId: observation.traceId }, "unexpected error creating the request context");
            throw error;
          }
        },
      });
      for (const [name, value] of answer.headers) res.setHeader(name, value);
      res.statusCode = answer.status ?? 200;
      if (answer.body.kind === "complete") {
        res.end(answer.body.string);
        return;
      }
      for await (const chunk of answer.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      log.error({ err: error, traceId: observationOf(res)?.traceId }, "unexpected error serving a request");
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      else res.destroy();
    }
  }

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

const TOO_LARGE = Symbol("too large");

/** The request's body as text (empty for none), or TOO_LARGE past MAX_BODY_BYTES. */
function readBody(req: IncomingMessage): Promise<string | typeof TOO_LARGE> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners("data");
        req.resume();
        resolve(TOO_LARGE);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}

/** The gateway's request id (x-request-id), so a subgraph's log lines carry the id the caller was given. */
function gatewayRequestId(req: IncomingMessage): string | null {
  const value = req.headers["x-request-id"];
  return typeof value === "string" && /^[\w-]{1,64}$/.test(value) ? value : null;
}
