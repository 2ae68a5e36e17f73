import "reflect-metadata";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createLogger, readConfig } from "@scg/shared";
import { balancerCommand, haproxyPath, INSTALL_HAPROXY, waitUntilBalancerSeesUp } from "./cluster-balancer.js";
import { haproxyConfig, type Replica } from "./haproxy-config.js";
import { gatewayProcess, prepareDatabases, subgraphProcesses, waitUntilReady } from "./network-processes.js";
import { ROOT } from "./subgraph-registry.js";
import { Supervisor } from "./supervisor.js";

const USAGE = `Usage: npm run start:cluster -- --replicas <1–16>
Runs the four subgraphs, N gateway replicas and HAProxy in front of them on GATEWAY_PORT.
Needs DATABASE_URL and REDIS_URL: the replicas share Postgres and, through Redis, their rate limits,
caches and data generations. SIGHUP restarts the replicas one by one; Ctrl-C stops everything.`;

const MAX_REPLICAS = 16;

function replicaCount(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { replicas: { type: "string", default: "2" } } });
  const count = Number(values.replicas);
  if (!/^\d+$/.test(values.replicas!) || count < 1 || count > MAX_REPLICAS) {
    throw new Error(`--replicas must be a whole number from 1 to ${MAX_REPLICAS}, but is "${values.replicas}".\n${USAGE}`);
  }
  return count;
}

const config = readConfig((read) => ({
  databaseUrl: read.optionalUrl("DATABASE_URL", ["postgres:", "postgresql:"]),
  redisUrl: read.optionalUrl("REDIS_URL", ["redis:", "rediss:"]),
  gatewayPort: read.port("GATEWAY_PORT", 4000),
  gatewayHost: read.string("GATEWAY_HOST", "0.0.0.0"),
  replicaBasePort: read.port("REPLICA_BASE_PORT", 4010),
  replicaMetricsBasePort: read.port("REPLICA_METRICS_BASE_PORT", 9470),
  seed: read.oneOf("SEED_ON_START", ["auto", "always", "never"], "auto"),
  stateDir: read.string("CLUSTER_STATE_DIR", join(ROOT, ".data", "cluster")),
  sample: read.profile() === "development",
}));

const log = createLogger("cluster", process.env.LOG_LEVEL ?? "info");
const supervisor = new Supervisor(log);
let stopping = false;

async function stop(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info("stopping the cluster");
  await supervisor.stop();
  process.exit(code);
}

/**
 * `npm run start:cluster -- --replicas N`: what `npm start` runs, with N gateway replicas on
 * 127.0.0.1:REPLICA_BASE_PORT+1… and HAProxy in front on GATEWAY_PORT (configuration generated from
 * the replica list, health checks on /serving, idempotent requests retried on another replica). Every
 * process is supervised: a replica that dies is restarted and re-enters the pool when ready. The
 * cluster's processes and ports are written to CLUSTER_STATE_DIR/cluster.json for operators and tests.
 */
async function main(): Promise<void> {
  const replicas = replicaCount(process.argv.slice(2));
  if (!config.databaseUrl || !config.redisUrl) {
    console.error(`start:cluster needs DATABASE_URL and REDIS_URL (${[!config.databaseUrl && "DATABASE_URL", !config.redisUrl && "REDIS_URL"].filter(Boolean).join(" and ")} not set).\n${USAGE}\n` +
      "For example: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 npm run start:cluster -- --replicas 2");
    process.exit(2);
  }
  const haproxy = haproxyPath();
  if (!haproxy) {
    console.error(INSTALL_HAPROXY);
    process.exit(2);
  }
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));
  mkdirSync(config.stateDir, { recursive: true });

  await prepareDatabases(config.databaseUrl, config.seed !== "never", config.sample, log);
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: config.databaseUrl, REDIS_URL: config.redisUrl, APOLLO_TELEMETRY_DISABLED: process.env.APOLLO_TELEMETRY_DISABLED ?? "1" };
  for (const spec of subgraphProcesses(env)) supervisor.start(spec);

  const pool: Replica[] = Array.from({ length: replicas }, (_, i) => ({ name: `gateway-${i + 1}`, port: config.replicaBasePort + i + 1 }));
  const pids: Record<string, number | undefined> = {};
  const adminSocket = join(config.stateDir, "haproxy.sock");
  // Written whole and renamed into place, so a reader never sees half a file.
  const writeState = () => {
    const file = join(config.stateDir, "cluster.json");
    const state = { pid: process.pid, balancer: { url: `http://127.0.0.1:${config.gatewayPort}`, pid: pids.balancer, adminSocket }, replicas: pool.map((r) => ({ ...r, url: `http://127.0.0.1:${r.port}`, pid: pids[r.name] })) };
    writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
  };
  supervisor.onLaunch = (name, pid) => {
    pids[name] = pid;
    writeState();
  };
  pool.forEach((replica, i) =>
    supervisor.start(
      gatewayProcess(replica.name, {
        ...env,
        GATEWAY_HOST: "127.0.0.1",
        GATEWAY_PORT: String(replica.port),
        SHARED_STORE: "redis",
        // Each replica's metrics on a port of its own (or none, when METRICS_PORT=off).
        METRICS_PORT: process.env.METRICS_PORT === "off" ? "off" : String(config.replicaMetricsBasePort + i + 1),
      }),
    ),
  );
  const ready = await Promise.all(pool.map((replica) => waitUntilReady(`http://127.0.0.1:${replica.port}`)));
  if (!ready.every(Boolean)) {
    log.error("not every gateway replica became ready within 60 s");
    return stop(1);
  }

  const configFile = join(config.stateDir, "haproxy.cfg");
  writeFileSync(configFile, haproxyConfig({ port: config.gatewayPort, host: config.gatewayHost, replicas: pool, adminSocket }));
  supervisor.start({ name: "balancer", script: configFile, env: process.env, command: { file: haproxy, args: ["-db", "-f", configFile] } });
  if (!(await waitUntilReady(`http://127.0.0.1:${config.gatewayPort}`))) {
    log.error("HAProxy did not answer on GATEWAY_PORT within 60 s");
    return stop(1);
  }
  process.on("SIGHUP", () => void rollingRestart(pool, adminSocket));
  console.log(
    `\n  Sister Cities Graph cluster is up: ${replicas} gateway replica${replicas === 1 ? "" : "s"} behind HAProxy.\n` +
      `  GraphQL endpoint: http://localhost:${config.gatewayPort}/graphql   Replicas: ${pool.map((r) => r.port).join(", ")}\n` +
      `  kill -HUP ${process.pid} restarts the replicas one by one; Ctrl-C stops everything.\n`,
  );
}

let restarting = false;

/**
 * Restarts every replica, one at a time, without failing a request: the balancer stops sending it
 * new requests (drain), the replica finishes what it is answering (SIGTERM), a new process starts,
 * and it is put back once it answers /ready and the balancer's own checks count it up.
 */
async function rollingRestart(pool: readonly Replica[], adminSocket: string): Promise<void> {
  if (restarting) return;
  restarting = true;
  try {
    for (const replica of pool) {
      await balancerCommand(adminSocket, `set server gateway_replicas/${replica.name} state drain`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await supervisor.restart(replica.name);
      if (!(await waitUntilReady(`http://127.0.0.1:${replica.port}`))) throw new Error(`${replica.name} did not become ready again within 60 s.`);
      await balancerCommand(adminSocket, `set server gateway_replicas/${replica.name} state ready`);
      // "ready" only lifts the drain: the balancer sends traffic again once its own checks pass
      // (rise 2). Taking the next replica out before then would leave the pool empty.
      if (!(await waitUntilBalancerSeesUp(adminSocket, "gateway_replicas", replica.name))) throw new Error(`HAProxy did not count ${replica.name} up again within 30 s.`);
      log.info({ replica: replica.name }, "replica restarted");
    }
    log.info("rolling restart done");
  } catch (error) {
    log.error({ err: error }, "the rolling restart stopped");
  } finally {
    restarting = false;
  }
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
});
