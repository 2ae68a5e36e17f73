import "reflect-metadata";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createLogger, readConfig, type SeedWhen } from "@scg/shared";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@scg/shared/embedded";
import { databaseOwners, ROOT, subgraphNames } from "./subgraph-registry.js";
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
  embeddedPort: read.port("EMBEDDED_DB_PORT", 5544),
  dataDir: read.string("EMBEDDED_DB_DIR", join(ROOT, ".data", "pglite")),
  seed: read.oneOf("SEED_ON_START", ["auto", "always", "never"], "auto"),
  gatewayPort: read.port("GATEWAY_PORT", 4000),
  // The generated sample (programs, exchanges, a calendar of visits) illustrates the development
  // profile; production seeds real records only.
  sample: read.profile() === "development",
}));

const log = createLogger("start", process.env.LOG_LEVEL ?? "info");
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

async function waitForGateway(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url.replace(/\/graphql$/, "/ready"));
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
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
    await prepare(databaseUrl, seed || (config.seed === "auto" ? "after-migrations" : false));
    if (seed) writeFileSync(marker, new Date().toISOString());
  } else {
    await prepare(databaseUrl, config.seed !== "never");
  }
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, APOLLO_TELEMETRY_DISABLED: process.env.APOLLO_TELEMETRY_DISABLED ?? "1" };
  if (embedded) env.DATABASE_POOL_SIZE ??= "5";
  for (const name of subgraphNames()) supervisor.start({ name, script: join(ROOT, "subgraphs", name, "dist", "index.js"), env });
  supervisor.start({ name: "gateway", script: join(ROOT, "gateway", "dist", "index.js"), env });
  const gatewayUrl = `http://localhost:${config.gatewayPort}/graphql`;
  if (await waitForGateway(gatewayUrl)) {
    console.log(`\n  Sister Cities Graph is up.\n  GraphQL endpoint and IDE: ${gatewayUrl}\n  Health: http://localhost:${config.gatewayPort}/health   Readiness: http://localhost:${config.gatewayPort}/ready\n  Press Ctrl-C to stop.\n`);
  } else {
    log.error("the gateway did not become ready within 60 s");
    await stop(1);
  }
}

async function prepare(databaseUrl: string, seed: SeedWhen) {
  for (const { name, prepareDatabase } of databaseOwners()) {
    const started = Date.now();
    await prepareDatabase(databaseUrl, { seed, sample: config.sample }, log);
    log.info(`${name}: database ready${seed === true ? ` (migrated and seeded${config.sample ? ", with the generated sample" : ""})` : " (migrated)"} in ${Date.now() - started} ms`);
  }
}

main().catch(async (error) => {
  log.error(error instanceof Error ? error.message : error);
  await stop(1);
});
