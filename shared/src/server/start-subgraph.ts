import { randomUUID } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import type { GraphQLSchema } from "graphql";
import { INTERNAL_CREDENTIAL_HEADER, verifyInternalCredential } from "../auth/internal-credential.js";
import type { Identity } from "../auth/identity.js";
import type { ServiceConfig } from "../config/service-config.js";
import { AppError, ErrorCode } from "../errors/app-error.js";
import { createFormatError } from "../errors/format-error.js";
import type { Logger } from "../logging/logger.js";

/** What every subgraph request knows before the subgraph adds its loaders. */
export interface RequestScope {
  identity: Identity | null;
  /** Who sent the request: "gateway", or the name of a subgraph calling this one. */
  caller: string;
  requestId: string;
  log: Logger;
}

export interface RunningSubgraph {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface StartSubgraphOptions<Context> {
  schema: GraphQLSchema;
  config: Pick<ServiceConfig, "serviceName" | "host" | "port" | "profile" | "internalSecret" | "cacheMaxAgeSeconds">;
  log: Logger;
  /** Builds the per-request context (new DataLoaders every request). */
  createContext: (scope: RequestScope) => Context;
}

/**
 * Serves a subgraph schema over HTTP. Every request must carry the gateway's credential
 * (see auth/internal-credential.ts); without it the answer is 401 and nothing runs.
 */
export async function startSubgraphServer<Context extends object>(options: StartSubgraphOptions<Context>): Promise<RunningSubgraph> {
  const { config, log } = options;
  const server = new ApolloServer<Context>({
    schema: options.schema,
    introspection: config.profile === "development",
    includeStacktraceInErrorResponses: false,
    // No Apollo Studio here: federated tracing would only add bytes to every response.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // Every answer carries Cache-Control (public, max-age) unless a resolver marks its data
      // PRIVATE or shorter-lived; the gateway's caches honour it.
      ApolloServerPluginCacheControl({ defaultMaxAge: config.cacheMaxAgeSeconds }),
    ],
    formatError: createFormatError({
      exposeDetails: config.profile === "development",
      serviceName: config.serviceName,
      onMasked: (formatted, original) => log.error({ err: original, path: formatted.path }, "unexpected error in resolver"),
      onDatabaseUnavailable: (original) => log.warn({ err: original }, "database unavailable"),
    }),
  });
  const { url } = await startStandaloneServer(server, {
    listen: { host: config.host, port: config.port },
    context: async ({ req }) => {
      const header = req.headers[INTERNAL_CREDENTIAL_HEADER];
      const credential = await verifyInternalCredential(Array.isArray(header) ? header[0] : header, config.internalSecret);
      if (!credential) {
        throw new AppError(ErrorCode.UNAUTHENTICATED, `The ${config.serviceName} subgraph answers only requests that come through the gateway.`, {
          http: { status: 401 },
        });
      }
      const requestId = credential.requestId ?? randomUUID();
      return options.createContext({ identity: credential.identity, caller: credential.caller, requestId, log: log.child({ requestId }) });
    },
  });
  const port = Number(new URL(url).port);
  log.info({ url }, `${config.serviceName} subgraph listening`);
  return { url: `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}/graphql`, port, stop: () => server.stop() };
}
