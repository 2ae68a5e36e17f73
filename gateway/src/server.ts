import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { createFormatError, createLogger, type Logger } from "@scg/shared";
import { createUserTokenVerifier } from "./auth/verify-user-token.js";
import type { GatewayConfig } from "./config.js";
import type { GatewayContext } from "./context.js";
import { SubgraphDataSource } from "./data-sources/subgraph-data-source.js";
import { graphiqlRouter } from "./http/graphiql.js";
import { healthRouter } from "./http/health.js";

export interface GatewayOptions {
  /** The composed supergraph; read from `config.supergraphPath` when omitted. */
  supergraphSdl?: string;
  log?: Logger;
}

export interface RunningGateway {
  url: string;
  port: number;
  httpServer: Server;
  stop(): Promise<void>;
}

/**
 * Wires the public gateway: Express (health, readiness, the IDE), Apollo Server running
 * @apollo/gateway over the committed supergraph, per-request identity from the bearer token.
 */
export async function startGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<RunningGateway> {
  const log = options.log ?? createLogger("gateway", config.logLevel);
  const supergraphSdl = options.supergraphSdl ?? readFileSync(config.supergraphPath, "utf8");
  let loaded = false;

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource({
        name,
        // The supergraph names each subgraph's development URL; configuration decides where it really is.
        url: config.subgraphUrls[name] ?? url!,
        internalSecret: config.internalSecret,
        timeoutMs: config.subgraphTimeoutMs,
      }),
  });

  const app = express();
  app.disable("x-powered-by");
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.profile === "development",
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError({
      exposeDetails: config.profile === "development",
      onMasked: (formatted, original) => log.error({ err: original, path: formatted.path, requestId: formatted.extensions?.requestId }, "masked error"),
    }),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  loaded = true;

  const verifyToken = createUserTokenVerifier(config.jwt);
  // Readiness checks the subgraphs the supergraph actually routes to, at their configured URLs.
  const routed = [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)];
  const subgraphUrls = Object.fromEntries(routed.map(([, name, url]) => [name, config.subgraphUrls[name] ?? url]));
  app.use(healthRouter({ subgraphUrls, internalSecret: config.internalSecret, timeoutMs: config.subgraphTimeoutMs, isLoaded: () => loaded }));
  app.use(graphiqlRouter("/graphql"));
  app.use(
    "/graphql",
    express.json({ limit: "100kb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        identity: await verifyToken(req.headers.authorization),
        requestId: randomUUID(),
      }),
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const url = `http://${host}:${port}/graphql`;
  log.info({ url }, "gateway listening");
  return {
    url,
    port,
    httpServer,
    async stop() {
      loaded = false;
      await apollo.stop();
    },
  };
}
