import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "pg";
import type { BenchSystem } from "./bench-system.js";
import { summarizeCpuProfile, type CpuProfile, type ProfileSummary } from "./cpu-profile-summary.js";
import { measureCell, type Measurement, type MeasureSettings } from "./measure.js";
import { PostgresBackendCpu } from "./process-stats.js";
import type { Workload } from "./rotations.js";
import { ROOT } from "../subgraph-registry.js";

export interface ProcessProfile {
  process: string;
  file: string;
  /** CPU per request of this process over the profiled window (from /proc). */
  cpuMsPerRequest: number;
  summary: ProfileSummary;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForFile(path: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`No CPU profile at ${path} after ${timeoutMs / 1000} s: did the process load scripts/dist/bench/cpu-profile-hook.js?`);
    await sleep(200);
  }
}

/**
 * Profiles our cold gateway and every subgraph under one workload: a SIGUSR2 starts each process's
 * in-process sampling profiler (cpu-profile-hook.ts), the load runs as a normal measured cell, a
 * second SIGUSR2 writes `<dir>/<process>.cpuprofile`; each profile is then summarised.
 */
export async function profileRun(system: BenchSystem, workload: Workload, connections: number, settings: MeasureSettings, dir: string) {
  const gateway = system.targets.find((t) => t.name === "ours-cold");
  if (!gateway) throw new Error("The profile run needs the ours-cold target.");
  const processes: [string, number][] = [["gateway", gateway.pid], ...Object.entries(system.subgraphPids)];
  for (const [, pid] of processes) process.kill(pid, "SIGUSR2");
  await sleep(500);
  const client = new Client({ connectionString: settings.databaseUrl });
  await client.connect();
  let measurement: Measurement | null;
  try {
    measurement = await measureCell(system, workload, gateway, connections, settings, new PostgresBackendCpu(client, settings.databaseName));
  } finally {
    await client.end();
  }
  for (const [, pid] of processes) process.kill(pid, "SIGUSR2");
  const profiles: ProcessProfile[] = [];
  for (const [name] of processes) {
    const file = join(dir, `${name}.cpuprofile`);
    await waitForFile(file);
    const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
    const cpu = name === "gateway" ? measurement!.cpuMsPerRequest.gateway ?? 0 : measurement!.cpuMsPerRequest.subgraphs[name];
    profiles.push({ process: name, file, cpuMsPerRequest: cpu, summary: summarizeCpuProfile(profile, ROOT, 30) });
  }
  return { measurement: measurement!, profiles };
}

/** One section per process: its CPU per request, where it goes by module, and its top functions. */
export function renderProfiles(profiles: ProcessProfile[], measurement: Measurement): string {
  const sections: string[] = [];
  sections.push(
    `Profiled window: ${measurement.requests} requests, ${measurement.rps.toFixed(0)} RPS, p50 ${measurement.p50.toFixed(1)} ms (sampling profiler on: not a benchmark figure). ` +
      `CPU ms per request — ${profiles.map((p) => `${p.process} ${p.cpuMsPerRequest.toFixed(2)}`).join(", ")}, Postgres ${measurement.cpuMsPerRequest.postgres.toFixed(2)}; all ${measurement.cpuMsPerRequest.total.toFixed(2)}.`,
  );
  for (const { process: name, cpuMsPerRequest, summary } of profiles) {
    const msPerRequest = (percent: number) => ((percent / 100) * cpuMsPerRequest).toFixed(3);
    const modules = (rows: { module: string; percent: number }[], limit: number) =>
      rows
        .slice(0, limit)
        .map((row) => `| ${row.module} | ${row.percent.toFixed(1)}% | ${msPerRequest(row.percent)} |`)
        .join("\n");
    const functions = (rows: ProfileSummary["topSelf"], limit: number) =>
      rows
        .slice(0, limit)
        .map((row) => `| ${row.name.replace(/\|/g, "\\|")} | ${row.location} | ${row.module} | ${row.percent.toFixed(1)}% | ${msPerRequest(row.percent)} |`)
        .join("\n");
    sections.push(
      [
        `## ${name} — ${cpuMsPerRequest.toFixed(2)} ms CPU per request`,
        "",
        `${summary.samples} samples, ${(summary.busyMs / 1000).toFixed(1)} s busy, ${(summary.idleMs / 1000).toFixed(1)} s idle. Percentages are of busy time.`,
        "",
        "Where the CPU goes (each sample charged to the innermost frame that names a kind of work; sums to 100%):",
        "",
        "| activity | share | ms/req |",
        "|---|---:|---:|",
        modules(summary.byActivity, 18),
        "",
        "Self time by module, Node internals and V8 builtins charged to the module that called them (sums to 100%):",
        "",
        "| module | share | ms/req |",
        "|---|---:|---:|",
        modules(summary.attributedByModule, 12),
        "",
        "Self time by module as sampled (builtins and internals on their own):",
        "",
        "| module | share | ms/req |",
        "|---|---:|---:|",
        modules(summary.selfByModule, 12),
        "",
        "Inclusive time by module (a module and everything it calls; overlaps):",
        "",
        "| module | share | ms/req |",
        "|---|---:|---:|",
        modules(summary.inclusiveByModule, 14),
        "",
        "Top functions by self time:",
        "",
        "| function | where | module | self | ms/req |",
        "|---|---|---|---:|---:|",
        functions(summary.topSelf, 25),
        "",
        "Top functions by inclusive time:",
        "",
        "| function | where | module | inclusive | ms/req |",
        "|---|---|---|---:|---:|",
        functions(summary.topInclusive, 25),
      ].join("\n"),
    );
  }
  return sections.join("\n\n");
}
