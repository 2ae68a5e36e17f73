import { readFileSync } from "node:fs";

const CLOCK_TICKS_PER_SECOND = 100; // Linux USER_HZ

/** CPU time (user + system) a process has used so far, in milliseconds (Linux /proc). */
export function cpuMilliseconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Resident memory of a process, in megabytes. */
export function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : 0;
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
