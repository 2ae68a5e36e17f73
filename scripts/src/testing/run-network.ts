import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { answersOk, interruptRunner, waitForRunner } from "./child-runner.js";
import { freePort, freeSubgraphPortsEnv } from "./free-port.js";

const ROOT = join(__dirname, "..", "..", "..");

export interface RunningNetwork {
  runner: ChildProcess;
  gatewayUrl: string;
  /** Everything the runner and its children printed, line by line (pino JSON where they log). */
  lines: string[];
  /** The pid the runner last logged for a service (it changes when the service is restarted). */
  pid(service: string): number | undefined;
  /** Sends Ctrl-C to the runner and waits for it to exit; resolves with its exit code. */
  interrupt(): Promise<number | null>;
}

/**
 * `npm start` as a user runs it (scripts/dist/start.js), on free ports, against the run's database
 * (migrated, not re-seeded), with in-memory shared state; for tests that kill its processes.
 */
export async function runNetwork(env: Record<string, string> = {}): Promise<RunningNetwork> {
  const ports = await freeSubgraphPortsEnv();
  const gatewayPort = await freePort();
  const runner = spawn(process.execPath, [join(ROOT, "scripts", "dist", "start.js")], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.TEST_DATABASE_URL!,
      SEED_ON_START: "never",
      SHARED_STORE: "memory",
      REDIS_URL: "",
      LOG_LEVEL: "info",
      // The default metrics ports (9464–9468) would collide with another run; tests that read metrics choose.
      METRICS_PORT: "off",
      GATEWAY_PORT: String(gatewayPort),
      GATEWAY_HOST: "127.0.0.1",
      ...ports,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const pids = new Map<string, number>();
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      lines.push(line);
      try {
        const entry = JSON.parse(line) as { pid?: number; process?: string; msg?: string };
        if (entry.process && typeof entry.pid === "number" && entry.msg === `${entry.process} started`) pids.set(entry.process, entry.pid);
      } catch {
        // not a log line
      }
    }
  };
  runner.stdout!.on("data", collect);
  runner.stderr!.on("data", collect);
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
  await waitForRunner(runner, "npm start", lines, 90_000, () => answersOk(gatewayUrl.replace(/\/graphql$/, "/ready")));
  return {
    runner,
    gatewayUrl,
    lines,
    pid: (service) => pids.get(service),
    interrupt: () => interruptRunner(runner),
  };
}
