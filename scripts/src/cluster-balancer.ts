import { execFileSync } from "node:child_process";
import { connect } from "node:net";

/** Where HAProxy is: HAPROXY_BIN, or `haproxy` on the PATH; null when it is not installed. */
export function haproxyPath(): string | null {
  const candidate = process.env.HAPROXY_BIN ?? "haproxy";
  try {
    execFileSync(candidate, ["-v"], { stdio: "ignore" });
    return candidate;
  } catch {
    return null;
  }
}

/** What to tell a person whose machine has no HAProxy. */
export const INSTALL_HAPROXY =
  "npm run start:cluster puts HAProxy in front of the gateway replicas, and HAProxy is not installed here.\n" +
  "Install it from your system's packages: `sudo apt-get install haproxy` (Debian, Ubuntu), `sudo dnf install haproxy` (Fedora),\n" +
  "`brew install haproxy` (macOS); or set HAPROXY_BIN to its path.";

/** Sends one command to HAProxy's runtime API (its admin socket) and returns the answer. */
export function balancerCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const connection = connect(socket);
    let answer = "";
    connection.setTimeout(2000, () => connection.destroy(new Error(`HAProxy did not answer "${command}" in 2 s.`)));
    connection.on("connect", () => connection.end(`${command}\n`));
    connection.on("data", (chunk) => (answer += chunk.toString("utf8")));
    connection.on("end", () => resolve(answer.trim()));
    connection.on("error", reject);
  });
}

/** A server's status as HAProxy's `show stat` reports it ("UP", "DOWN", "DRAIN", "MAINT", "UP 1/2", …), or null when unknown. */
export async function balancerServerStatus(socket: string, backend: string, server: string): Promise<string | null> {
  const csv = await balancerCommand(socket, "show stat");
  const [header, ...rows] = csv.replace(/^# /, "").split("\n");
  const status = header.split(",").indexOf("status");
  for (const row of rows) {
    const fields = row.split(",");
    if (fields[0] === backend && fields[1] === server) return fields[status] ?? null;
  }
  return null;
}

/** Waits until HAProxy's own health checks count the server UP again (rise), up to `timeoutMs`. */
export async function waitUntilBalancerSeesUp(socket: string, backend: string, server: string, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await balancerServerStatus(socket, backend, server)) === "UP") return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
