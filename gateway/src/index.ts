import { createLogger, serveWhenMain, type SeedWhen } from "@scg/shared";
import { prepareGatewayDatabase } from "./api-keys/api-key-store.js";
import { loadConfig } from "./config.js";
import { startGateway } from "./server.js";

export { loadConfig, startGateway };
export { signUserToken } from "./auth/sign-user-token.js";
export { ApiKeyStore, createGatewayDataSource, API_KEY_HEADER } from "./api-keys/api-key-store.js";
export type { ApiKeyRecord } from "./api-keys/api-key-store.js";
export { buildManifest, operationId, TrustedOperations } from "./persisted/manifest.js";
export type { PersistedQueryManifest, TrustedOperation } from "./persisted/manifest.js";
export { estimateOperationCost } from "./limits/operation-cost.js";
export type { GatewayConfig } from "./config.js";

/** Migrates the gateway's own schema (API keys); it has nothing to seed. */
export async function prepareDatabase(url: string, _options: { seed: SeedWhen; sample?: boolean } = { seed: false }, log = createLogger("gateway")) {
  const applied = await prepareGatewayDatabase(url, log);
  if (applied.length) log.info({ applied }, "gateway: migrations applied");
  return { applied };
}

process.env.APOLLO_TELEMETRY_DISABLED ??= "1";
serveWhenMain(module, () => startGateway(loadConfig()));
