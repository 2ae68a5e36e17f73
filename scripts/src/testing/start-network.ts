import { randomUUID } from "node:crypto";
import { type Identity, type Logger, type RunningSubgraph } from "@scg/shared";
import { QueryCounter, testServiceEnv } from "@scg/shared/testing";
import { loadConfig, signUserToken, startGateway, type ApiKeyStore, type GatewayConfig } from "@scg/gateway";
import { composeSupergraph } from "../compose-supergraph.js";
import { loadSubgraph, subgraphNames } from "../subgraph-registry.js";

export interface Network {
  gatewayUrl: string;
  /** The gateway's Prometheus endpoint (with gatewayEnv METRICS_PORT "0"), else null. */
  gatewayMetricsUrl: string | null;
  gatewayConfig: GatewayConfig;
  apiKeys: ApiKeyStore;
  subgraphs: Record<string, RunningSubgraph & { queries?: QueryCounter }>;
  /** A bearer token for this identity, signed the way the gateway verifies. */
  tokenFor(identity: Identity, expiresIn?: string | number): Promise<string>;
  /** Another gateway over the same subgraphs (its own caches and limits), with these settings on top. */
  startGateway(env?: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }>;
  stop(): Promise<void>;
}

export interface NetworkOptions {
  /** Subgraphs to leave out (to test a subgraph being down). */
  without?: string[];
  gatewayEnv?: Record<string, string>;
  /** Settings every subgraph gets on top of the test defaults (NODE_ENV=production, say). */
  subgraphEnv?: Record<string, string>;
  /** Another database than the run's (TEST_PRODUCTION_DATABASE_URL: real records only), for every service. */
  databaseUrl?: string;
  /** Where every service logs (each through a child naming it), for tests that read the lines; by default each logs at LOG_LEVEL (silent). */
  log?: Logger;
}

/**
 * The whole network over real HTTP on free ports, against the run's database: every subgraph
 * in this checkout, and the gateway over a supergraph composed from the current code.
 */
export async function startNetwork(options: NetworkOptions = {}): Promise<Network> {
  const names = subgraphNames();
  const subgraphs: Network["subgraphs"] = {};
  const urls: Record<string, string> = {};
  // Subgraphs that are "down" point at a closed port.
  for (const name of names) urls[`${name.toUpperCase()}_URL`] = "http://127.0.0.1:9/graphql";
  try {
    for (const name of names) {
      if (options.without?.includes(name)) continue;
      const module = loadSubgraph(name);
      const env = testServiceEnv({ [`${name.toUpperCase()}_PORT`]: "0", ...urls, ...options.subgraphEnv, ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}) });
      subgraphs[name] = await module.startSubgraph(module.loadConfig(env), { queryLogger: new QueryCounter(), log: options.log?.child({ service: name }) });
      urls[`${name.toUpperCase()}_URL`] = subgraphs[name].url;
    }
  } catch (error) {
    await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
    throw error;
  }
  const { supergraphSdl } = await composeSupergraph();
  const configFor = (env: Record<string, string> = {}) =>
    loadConfig({
      ...testServiceEnv(),
      GATEWAY_PORT: "0",
      GATEWAY_HOST: "127.0.0.1",
      SUBGRAPH_TIMEOUT_MS: "2000",
      // With REDIS_URL (CI), rate limits and caches live in Redis, in a key space of this gateway's own.
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `scg-test-${randomUUID()}:` } : {}),
      ...urls,
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...options.gatewayEnv,
      ...env,
    });
  const gatewayConfig = configFor();
  const log = options.log?.child({ service: "gateway" });
  const gateway = await startGateway(gatewayConfig, { supergraphSdl, log });
  return {
    gatewayUrl: gateway.url,
    gatewayMetricsUrl: gateway.metricsUrl,
    gatewayConfig,
    apiKeys: gateway.apiKeys,
    subgraphs,
    tokenFor: (identity, expiresIn) => signUserToken(identity, gatewayConfig.jwt, expiresIn),
    async startGateway(env) {
      const extra = await startGateway(configFor(env), { supergraphSdl, log });
      return { url: extra.url, stop: () => extra.stop() };
    },
    async stop() {
      await gateway.stop();
      await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
    },
  };
}
