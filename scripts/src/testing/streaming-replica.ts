import { execFile, execFileSync } from "node:child_process";
import { appendFileSync, chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";
import { freePort } from "./free-port.js";

const run = promisify(execFile);

/** Where the Postgres server binaries are (initdb, pg_ctl, pg_basebackup): PG_BIN, or Debian's PostgreSQL 15. */
export const POSTGRES_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** Why a streaming replica cannot be built on this machine, or null when it can. */
export function streamingReplicaUnavailable(): string | null {
  for (const tool of ["initdb", "pg_ctl", "pg_basebackup"]) {
    if (!existsSync(join(POSTGRES_BIN, tool))) return `${join(POSTGRES_BIN, tool)} is missing (set PG_BIN to the PostgreSQL server binaries)`;
  }
  return null;
}

export interface StreamingReplica {
  /** The primary's `postgres` database (superuser, trust). */
  primaryUrl: string;
  /** The same database on the hot standby that streams the primary's WAL. */
  replicaUrl: string;
  /** Runs one statement on the primary or the replica and returns its rows. */
  query<Row = Record<string, unknown>>(server: "primary" | "replica", sql: string, parameters?: unknown[]): Promise<Row[]>;
  /** Waits until the replica has replayed everything the primary had written when called (false after `timeoutMs`). */
  caughtUp(timeoutMs?: number): Promise<boolean>;
  /** Stops applying WAL on the replica (it keeps receiving it): from now on the replica shows the past. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Stops both servers (immediate shutdown) and removes their data. */
  stop(): Promise<void>;
}

/**
 * A throwaway primary and a streaming hot standby of it, on free loopback ports, with their data
 * in a fresh directory under the system's temp dir: `initdb` (trust), the primary with
 * `wal_level=replica`, `pg_basebackup -R -X stream`, the standby started from that backup. Postgres
 * refuses to run as root, so as root every server binary runs as the `postgres` OS user. Nothing
 * else on the machine is touched: own ports, own socket directory, own data. For tests.
 */
export async function startStreamingReplica(): Promise<StreamingReplica> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "scg-replica-"));
  if (asRoot) {
    const [uid, gid] = ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim()));
    chownSync(dir, uid, gid);
  }
  const tool = (name: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", join(POSTGRES_BIN, name), ...args]) : run(join(POSTGRES_BIN, name), args);
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primaryDir = join(dir, "primary");
  const replicaDir = join(dir, "replica");
  const started: string[] = [];
  const options = (port: number) =>
    // fsync off: a test's data need not survive a crash of the machine.
    `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c full_page_writes=off`;

  async function stop(): Promise<void> {
    for (const dataDir of started.reverse()) await tool("pg_ctl", ["stop", "-D", dataDir, "-m", "immediate", "-w"]).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }

  try {
    await tool("initdb", ["-D", primaryDir, "-U", "postgres", "--auth=trust", "--no-sync", "--no-instructions"]);
    appendFileSync(join(primaryDir, "pg_hba.conf"), "\nhost replication all 127.0.0.1/32 trust\n");
    await tool("pg_ctl", ["start", "-D", primaryDir, "-w", "-l", join(dir, "primary.log"), "-o", `${options(primaryPort)} -c wal_level=replica -c max_wal_senders=4`]);
    started.push(primaryDir);
    await tool("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", replicaDir, "-R", "-X", "stream", "--no-sync"]);
    await tool("pg_ctl", ["start", "-D", replicaDir, "-w", "-l", join(dir, "replica.log"), "-o", `${options(replicaPort)} -c hot_standby=on`]);
    started.push(replicaDir);
  } catch (error) {
    await stop();
    throw error;
  }

  const urls = {
    primary: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    replica: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
  };
  async function query<Row>(server: "primary" | "replica", sql: string, parameters: unknown[] = []): Promise<Row[]> {
    const client = new Client({ connectionString: urls[server] });
    await client.connect();
    try {
      return (await client.query(sql, parameters)).rows as Row[];
    } finally {
      await client.end();
    }
  }
  async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await check()) return true;
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    primaryUrl: urls.primary,
    replicaUrl: urls.replica,
    query,
    async caughtUp(timeoutMs = 10_000) {
      const [{ lsn }] = await query<{ lsn: string }>("primary", "SELECT pg_current_wal_lsn()::text AS lsn");
      return until(async () => {
        const [{ behind }] = await query<{ behind: boolean }>("replica", "SELECT coalesce(pg_last_wal_replay_lsn() < $1::pg_lsn, true) AS behind", [lsn]);
        return !behind;
      }, timeoutMs);
    },
    async pauseReplay() {
      await query("replica", "SELECT pg_wal_replay_pause()");
      const paused = await until(async () => (await query<{ state: string }>("replica", "SELECT pg_get_wal_replay_pause_state() AS state"))[0].state === "paused", 5000);
      if (!paused) throw new Error("The replica did not pause its replay within 5 s.");
    },
    async resumeReplay() {
      await query("replica", "SELECT pg_wal_replay_resume()");
    },
    stop,
  };
}
