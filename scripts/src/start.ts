import "reflect-metadata";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createLogger, readConfig, readReplicaUrl } from "@scg/shared";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@scg/shared/embedded";
import { gatewayProcess, prepareDatabases, subgraphProcesses, waitUntilReady } from "./network-processes.js";
import { ROOT } from "./subgraph-registry.js";
import { Supervisor } from "./supervisor.js";

/**
 * `npm start`: the whole network on this machine. Without DATABASE_URL, one embedded PGlite
 * (data under .data/, kept between starts) serves every subgraph on a local port; then
 * migrations, the seed on first start, each subgraph and the gateway as supervised child
 * processes: one that exits unexpectedly is restarted (see supervisor.ts), the rest keep serving.
 * Ctrl-C stops everything it started.
 */
const config = readConfig((read) => ({
  databaseUrl: read.optionalUrl("DATABASE_URL", ["postgres:", "postgresql:"]),
  // Refused without DATABASE_URL, as every subgraph refuses it: the runner would hand them the
  // embedded database's URL as DATABASE_URL, and that database has no replica.
  databaseReadUrl: readReplicaUrl(read),
  embeddedPort: read.port("EMBEDDED_DB_PORT", 5544),
  dataDir: read.string("EMBEDDED_DB_DIR", join(ROOT, ".data", "pglite")),
  seed: read.oneOf("SEED_ON_START", ["auto", "always", "never"], "auto"),
  gatewayPort: read.port("GATEWAY_PORT", 4000),
  profile: read.profile(),
  // The generated sample (programs, exchanges, a calendar of visits) illustrates the development
  // profile; production seeds real records only.
  sample: read.profile() === "development",
}));

const log = createLogger("start", process.env.LOG_LEVEL ?? "info", config.profile);
const supervisor = new Supervisor(log);
let embedded: EmbeddedPostgres | null = null;
let stopping = false;

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  log.info("stopping the network");
  await supervisor.stop();
  await embedded?.stop();
  process.exit(code);
}

async function main() {
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));
  let databaseUrl = config.databaseUrl;
  let seed = config.seed === "always";
  if (!databaseUrl) {
    const marker = join(config.dataDir, "..", "seeded");
    log.info(`DATABASE_URL is not set: starting the embedded database (PGlite) in ${config.dataDir}`);
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort, maxConnections: 200 });
    databaseUrl = embedded.url;
    seed = config.seed !== "never" && (config.seed === "always" || !existsSync(marker));
    // Seeded before: import again only where this version's migrations added what the import fills.
    await prepareDatabases(databaseUrl, seed || (config.seed === "auto" ? "after-migrations" : false), config.sample, log);
    if (seed) writeFileSync(marker, new Date().toISOString());
  } else {
    await prepareDatabases(databaseUrl, config.seed !== "never", config.sample, log);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, APOLLO_TELEMETRY_DISABLED: process.env.APOLLO_TELEMETRY_DISABLED ?? "1" };
  if (embedded) env.DATABASE_POOL_SIZE ??= "5";
  for (const spec of subgraphProcesses(env)) supervisor.start(spec);
  supervisor.start(gatewayProcess("gateway", env));
  const gatewayUrl = `http://localhost:${config.gatewayPort}/graphql`;
  if (await waitUntilReady(`http://localhost:${config.gatewayPort}`)) {
    console.log(`\n  Sister Cities Graph is up.\n  GraphQL endpoint and IDE: ${gatewayUrl}\n  Health: http://localhost:${config.gatewayPort}/health   Readiness: http://localhost:${config.gatewayPort}/ready\n  Press Ctrl-C to stop.\n`);
  } else {
    log.error("the gateway did not become ready within 60 s");
    await stop(1);
  }
}

main().catch(async (error) => {
  log.error(error instanceof Error ? error.message : error);
  await stop(1);
});
