import type { ChildProcess } from "node:child_process";

/**
 * Waits until a runner started as a child (`npm start`, `npm run start:cluster`) says it is ready,
 * polling every 250 ms; throws with everything it printed if it exits first or takes longer than
 * `timeoutMs` (then it is killed).
 */
export async function waitForRunner(runner: ChildProcess, what: string, lines: readonly string[], timeoutMs: number, isReady: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (runner.exitCode !== null) throw new Error(`${what} exited early:\n${lines.join("\n")}`);
    if (Date.now() > deadline) {
      runner.kill("SIGKILL");
      throw new Error(`${what} was not ready after ${timeoutMs / 1000} s:\n${lines.join("\n")}`);
    }
    if (await isReady()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Sends the runner Ctrl-C and resolves with its exit code once it has exited. */
export function interruptRunner(runner: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (runner.exitCode !== null) return resolve(runner.exitCode);
    runner.once("exit", (code) => resolve(code));
    runner.kill("SIGINT");
  });
}

/** Whether an HTTP GET of `url` answers 2xx (false when nothing listens). */
export function answersOk(url: string): Promise<boolean> {
  return fetch(url).then((response) => response.ok, () => false);
}
