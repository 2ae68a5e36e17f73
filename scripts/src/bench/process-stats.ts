import { readFileSync } from "node:fs";
import type { Client } from "pg";

const CLOCK_TICKS_PER_SECOND = 100; // Linux USER_HZ (getconf CLK_TCK), the unit of /proc/<pid>/stat times

/**
 * The CPU time (user + system, in milliseconds) in the text of a /proc/<pid>/stat file. The second
 * field (the command name) is in parentheses and may itself hold spaces or parentheses, so fields
 * are counted from the last ")": utime and stime are fields 14 and 15 of the whole line.
 */
export function parseProcStatCpuMs(stat: string): number {
  const close = stat.lastIndexOf(")");
  if (close === -1) throw new Error(`Not a /proc/<pid>/stat line: ${JSON.stringify(stat.slice(0, 80))}.`);
  const fields = stat.slice(close + 2).split(" "); // fields[0] is field 3 (state)
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`No utime/stime in /proc/<pid>/stat line: ${JSON.stringify(stat.slice(0, 120))}.`);
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** CPU time (user + system) a process has used so far, in milliseconds (Linux /proc). */
export function cpuMilliseconds(pid: number): number {
  return parseProcStatCpuMs(readFileSync(`/proc/${pid}/stat`, "utf8"));
}

/** Like cpuMilliseconds, or null when the process is gone. */
function cpuMillisecondsIfAlive(pid: number): number | null {
  try {
    return cpuMilliseconds(pid);
  } catch {
    return null;
  }
}

/** Resident memory of a process, in megabytes (0 when it is gone). */
export function rssMegabytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the peak RSS of some processes until stopped. */
export function samplePeakRss(pids: number[], intervalMs = 250) {
  const peak = new Map<number, number>(pids.map((pid) => [pid, rssMegabytes(pid)]));
  const timer = setInterval(() => {
    for (const pid of pids) peak.set(pid, Math.max(peak.get(pid) ?? 0, rssMegabytes(pid)));
  }, intervalMs);
  return () => {
    clearInterval(timer);
    for (const pid of pids) peak.set(pid, Math.max(peak.get(pid) ?? 0, rssMegabytes(pid)));
    return peak;
  };
}

/**
 * CPU used by the Postgres backends that serve one database, over a window: the backends are the
 * `pg_stat_activity` rows of that database (the sampling connection itself excluded), their CPU is
 * read from /proc. Pools open and close connections, so the list is refreshed every `intervalMs`;
 * a backend that appears during the window counts from zero, one that exits counts up to its last
 * reading. Background processes (checkpointer, WAL writer, autovacuum) are not counted.
 */
export class PostgresBackendCpu {
  private readonly start = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly client: Client,
    private readonly database: string,
  ) {}

  /** Backend pids serving the database now, this connection's excluded. */
  async backends(): Promise<number[]> {
    const { rows } = await this.client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'", [this.database]);
    return rows.map((row) => row.pid);
  }

  async begin(intervalMs = 1000): Promise<void> {
    this.start.clear();
    this.last.clear();
    for (const pid of await this.backends()) {
      const cpu = cpuMillisecondsIfAlive(pid);
      if (cpu !== null) {
        this.start.set(pid, cpu);
        this.last.set(pid, cpu);
      }
    }
    this.timer = setInterval(() => {
      this.refreshing ??= this.refresh().finally(() => (this.refreshing = null));
    }, intervalMs);
  }

  /** Milliseconds of CPU the database's backends used since `begin()`. */
  async end(): Promise<number> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.refreshing;
    await this.refresh();
    let total = 0;
    for (const [pid, cpu] of this.last) total += cpu - (this.start.get(pid) ?? 0);
    return total;
  }

  private async refresh(): Promise<void> {
    for (const pid of this.last.keys()) {
      const cpu = cpuMillisecondsIfAlive(pid);
      if (cpu !== null) this.last.set(pid, cpu);
    }
    for (const pid of await this.backends()) {
      if (this.last.has(pid)) continue;
      const cpu = cpuMillisecondsIfAlive(pid);
      if (cpu !== null) this.last.set(pid, cpu); // born during the window: all of it counts
    }
  }
}
