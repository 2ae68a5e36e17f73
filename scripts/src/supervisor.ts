import { spawn, type ChildProcess } from "node:child_process";
import type { Logger } from "@scg/shared";

export interface ServiceSpec {
  name: string;
  /** The compiled entry point (`node <script>`). */
  script: string;
  env: NodeJS.ProcessEnv;
  /** Another program than node (the load balancer), with its arguments; `script` is then only a label. */
  command?: { file: string; args: string[] };
}

export interface RestartPolicy {
  /** Wait before the first restart; doubled after each exit that follows quickly, up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A process that stayed up this long is healthy again: its next restart waits `initialDelayMs`. */
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { initialDelayMs: 250, maxDelayMs: 10_000, stableAfterMs: 30_000 };

interface Supervised {
  spec: ServiceSpec;
  child: ChildProcess | null;
  startedAt: number;
  delayMs: number;
  restarts: number;
  timer: NodeJS.Timeout | null;
  /** A restart someone asked for: started again at once, logged as planned. */
  planned: boolean;
}

/**
 * Keeps the network's processes running: each service is a child process; one that exits when
 * nobody asked it to (a crash, an OOM kill, `kill -9`) is started again after a backoff that
 * doubles while it keeps failing, and every exit is logged with its code or signal. One dead
 * subgraph thus costs its own fields for a moment (the gateway answers the rest), never the network.
 * `stop()` (Ctrl-C) ends everything: SIGTERM, then SIGKILL after `killAfterMs`.
 */
export class Supervisor {
  private readonly services = new Map<string, Supervised>();
  private stopping = false;
  /** Told of every process start (first start and restarts), with its pid. */
  onLaunch: (name: string, pid: number | undefined) => void = () => {};

  constructor(private readonly log: Logger, private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY, private readonly killAfterMs = 5000) {}

  start(spec: ServiceSpec): void {
    if (this.services.has(spec.name)) throw new Error(`${spec.name} is already supervised.`);
    const service: Supervised = { spec, child: null, startedAt: 0, delayMs: this.policy.initialDelayMs, restarts: 0, timer: null, planned: false };
    this.services.set(spec.name, service);
    this.launch(service);
  }

  /** The process id of a running service (operators and fault drills use it). */
  pid(name: string): number | undefined {
    return this.services.get(name)?.child?.pid;
  }

  /** How many times a service was restarted. */
  restarts(name: string): number {
    return this.services.get(name)?.restarts ?? 0;
  }

  /**
   * Restarts a service on purpose (a rolling restart): SIGTERM, so it finishes what it is
   * answering, then a new process at once. Resolves when the new process has been started.
   */
  restart(name: string): Promise<void> {
    const service = this.services.get(name);
    const child = service?.child;
    if (!service || !child) return Promise.reject(new Error(`${name} is not running.`));
    service.planned = true;
    return new Promise<void>((resolve) => {
      child.once("exit", () => setImmediate(resolve));
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), this.killAfterMs).unref();
    });
  }

  private launch(service: Supervised): void {
    const { spec } = service;
    const [file, args] = spec.command ? [spec.command.file, spec.command.args] : [process.execPath, ["--enable-source-maps", spec.script]];
    const child = spawn(file, args, { env: spec.env, stdio: ["ignore", "inherit", "inherit"] });
    service.child = child;
    service.startedAt = Date.now();
    this.log.info({ process: spec.name, pid: child.pid, restarts: service.restarts }, `${spec.name} started`);
    this.onLaunch(spec.name, child.pid);
    child.once("exit", (code, signal) => {
      service.child = null;
      if (this.stopping) return;
      if (service.planned) {
        service.planned = false;
        service.restarts += 1;
        this.log.info({ process: spec.name, code, signal }, `${spec.name} restarted as asked`);
        this.launch(service);
        return;
      }
      const upMs = Date.now() - service.startedAt;
      if (upMs >= this.policy.stableAfterMs) service.delayMs = this.policy.initialDelayMs;
      const delayMs = service.delayMs;
      service.delayMs = Math.min(this.policy.maxDelayMs, service.delayMs * 2);
      this.log.error({ process: spec.name, code, signal, upMs, restartInMs: delayMs }, `${spec.name} exited unexpectedly; restarting it`);
      service.timer = setTimeout(() => {
        service.timer = null;
        if (this.stopping) return;
        service.restarts += 1;
        this.launch(service);
      }, delayMs);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.services.values()].map((service) => {
        if (service.timer) clearTimeout(service.timer);
        const child = service.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
        return new Promise<void>((resolve) => {
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), this.killAfterMs).unref();
        });
      }),
    );
  }
}
