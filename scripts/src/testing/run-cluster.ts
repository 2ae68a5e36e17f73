import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { answersOk, interruptRunner, waitForRunner } from "./child-runner.js";
import { freePort, freeSubgraphPortsEnv } from "./free-port.js";

const ROOT = join(__dirname, "..", "..", "..");

/** What `npm run start:cluster` writes to CLUSTER_STATE_DIR/cluster.json. */
export interface ClusterState {
  pid: number;
  balancer: { url: string; pid: number | undefined; adminSocket: string };
  replicas: { name: string; port: number; url: string; pid: number | undefined }[];
}

export interface RunningCluster {
  runner: ChildProcess;
  /** The balancer's GraphQL endpoint. */
  gatewayUrl: string;
  /** Everything the runner and its children printed, line by line. */
  lines: string[];
  /** The cluster's processes as the runner last wrote them (pids change when processes restart). */
  state(): ClusterState;
  /** Sends SIGHUP (a rolling restart of the replicas). */
  hangup(): void;
  /** Sends Ctrl-C and waits for the runner to exit; resolves with its exit code. */
  interrupt(): Promise<number | null>;
}

/**
 * `npm run start:cluster -- --replicas N` as an operator runs it, on free ports, against the run's
 * database (migrated, not re-seeded) and REDIS_URL, with its own Redis key prefix and state folder.
 */
export async function runCluster(replicas: number, env: Record<string, string> = {}): Promise<RunningCluster> {
  const ports = await freeSubgraphPortsEnv();
  const gatewayPort = await freePort();
  const stateDir = mkdtempSync(join(tmpdir(), "scg-cluster-"));
  const runner = spawn(process.execPath, [join(ROOT, "scripts", "dist", "cluster.js"), "--replicas", String(replicas)], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.TEST_DATABASE_URL!,
      SEED_ON_START: "never",
      LOG_LEVEL: "warn",
      METRICS_PORT: "off",
      GATEWAY_PORT: String(gatewayPort),
      GATEWAY_HOST: "127.0.0.1",
      // Replica ports: a free base, the replicas just above it.
      REPLICA_BASE_PORT: String(await freePort()),
      REDIS_KEY_PREFIX: `scg-cluster-test-${process.pid}-${Date.now()}:`,
      CLUSTER_STATE_DIR: stateDir,
      ...ports,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => lines.push(...chunk.toString("utf8").split("\n").filter((line) => line.trim()));
  runner.stdout!.on("data", collect);
  runner.stderr!.on("data", collect);
  const stateFile = join(stateDir, "cluster.json");
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  await waitForRunner(runner, "start:cluster", lines, 120_000, async () => existsSync(stateFile) && (await answersOk(`http://127.0.0.1:${gatewayPort}/ready`)));
  return {
    runner,
    gatewayUrl,
    lines,
    state: () => JSON.parse(readFileSync(stateFile, "utf8")) as ClusterState,
    hangup: () => void runner.kill("SIGHUP"),
    interrupt: () => interruptRunner(runner),
  };
}
