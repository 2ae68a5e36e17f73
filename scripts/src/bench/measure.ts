import { Client } from "pg";
import { INTERNAL_CREDENTIAL_HEADER } from "@scg/shared";
import type { BenchSystem, Target } from "./bench-system.js";
import { runLoad, type LoadResult } from "./load-generator.js";
import { cpuMilliseconds, PostgresBackendCpu, samplePeakRss } from "./process-stats.js";
import { RequestSchedule } from "./request-schedule.js";
import type { BenchRequest, Workload } from "./rotations.js";
import { seededRandom, WeightedSampler } from "./weighted-sampler.js";

export interface CpuPerRequest {
  /** Null for subgraph-only. */
  gateway: number | null;
  /** One entry per subgraph. */
  subgraphs: Record<string, number>;
  /** The client backends serving the bench database. */
  postgres: number;
  /** Gateway + subgraphs + Postgres. */
  total: number;
  /** This process: the load generator (not in total). */
  loadGenerator: number;
}

export interface Measurement {
  workload: string;
  kind: Workload["kind"];
  connections: number;
  target: string;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  errors: LoadResult["errors"];
  gatewayRssPeakMb: number | null;
  subgraphsRssPeakMb: Record<string, number>;
  cpuMsPerRequest: CpuPerRequest;
  cacheHitRatio: number | null;
  /** Draws held back because an identical request was in flight, and those never sent. */
  heldBack: { taken: number; drawn: number; deferred: number; pendingDeferred: number };
  /** Requests sent per operation (the achieved mix). */
  sentByOperation: Record<string, number>;
  /** The workload's heaviest requests: their share in the distribution and among those sent. */
  topRequests: { variables: string; targetShare: number; sentShare: number }[];
  errorSamples: string[];
}

export interface MeasureSettings {
  connections: number[];
  rounds: number;
  durationMs: number;
  warmupMs: number;
  timeoutMs: number;
  seed: number;
  databaseName: string;
  databaseUrl: string;
  onProgress?: (line: string) => void;
}

/** The request stream of a workload for a target: subgraph-only sends the baseline instead. */
function samplerFor(workload: Workload, target: Target): WeightedSampler<BenchRequest> | null {
  if (target.name !== "subgraph-only") return workload.sampler;
  if (!workload.baseline) return null;
  const body = workload.baseline.body;
  return new WeightedSampler([{ value: { operation: "baseline", variables: {}, key: body, body: Buffer.from(body) }, weight: 1 }]);
}

/** Where a target's requests go: subgraph-only talks to the baseline's subgraph, with the gateway credential. */
function endpointFor(system: BenchSystem, workload: Workload, target: Target): { url: string; headers: Record<string, string> } {
  if (target.name !== "subgraph-only") return { url: target.url, headers: { "content-type": "application/json" } };
  return { url: system.subgraphUrls[workload.baseline!.subgraph], headers: { "content-type": "application/json", [INTERNAL_CREDENTIAL_HEADER]: system.credential } };
}

/** Loads a target with a workload for `warmupMs` at 16 connections (JIT, pools, caches), untimed. */
export async function warmUp(system: BenchSystem, workload: Workload, target: Target, settings: MeasureSettings): Promise<void> {
  const sampler = samplerFor(workload, target);
  if (!sampler || settings.warmupMs <= 0) return;
  const { url, headers } = endpointFor(system, workload, target);
  const random = seededRandom(settings.seed + 1);
  await runLoad(new RequestSchedule(() => sampler.sample(random), workload.distinctInFlight), { url, headers, connections: 16, durationMs: settings.warmupMs, timeoutMs: settings.timeoutMs });
}

/**
 * One timed run of a workload against a target: the load, and around it the CPU of every process
 * (gateway, each subgraph, the database's Postgres backends, this process) and peak RSS.
 */
export async function measureCell(system: BenchSystem, workload: Workload, target: Target, connections: number, settings: MeasureSettings, pgCpu: PostgresBackendCpu): Promise<Measurement | null> {
  const sampler = samplerFor(workload, target);
  if (!sampler) return null;
  const { url, headers } = endpointFor(system, workload, target);
  const random = seededRandom(settings.seed);
  const schedule = new RequestSchedule(() => sampler.sample(random), workload.distinctInFlight);
  const subgraphNames = Object.keys(system.subgraphPids);
  const pids = [...(target.pid ? [target.pid] : []), ...subgraphNames.map((name) => system.subgraphPids[name])];

  const cpuBefore = pids.map(cpuMilliseconds);
  const selfBefore = process.cpuUsage();
  await pgCpu.begin();
  const stopSampling = samplePeakRss(pids);
  const result = await runLoad(schedule, { url, headers, connections, durationMs: settings.durationMs, timeoutMs: settings.timeoutMs });
  const peak = stopSampling();
  const postgresMs = await pgCpu.end();
  const cpu = pids.map((pid, i) => cpuMilliseconds(pid) - cpuBefore[i]);
  const self = process.cpuUsage(selfBefore);

  // The CPU window lasts until the last answer, so it is shared by every answer received.
  const requests = Math.max(1, result.completed);
  const offset = target.pid ? 1 : 0;
  const subgraphs = Object.fromEntries(subgraphNames.map((name, i) => [name, cpu[offset + i] / requests]));
  const gateway = target.pid ? cpu[0] / requests : null;
  const postgres = postgresMs / requests;
  const sent = [...result.sentByKey.values()].reduce((a, b) => a + b, 0) || 1;
  const heaviest = sampler.entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.weight - a.entry.weight)
    .slice(0, 3);
  return {
    workload: workload.name,
    kind: workload.kind,
    connections,
    target: target.name,
    requests: result.requests,
    rps: result.rps,
    p50: result.latencyMs.p50,
    p90: result.latencyMs.p90,
    p99: result.latencyMs.p99,
    errors: result.errors,
    gatewayRssPeakMb: target.pid ? peak.get(target.pid)! : null,
    subgraphsRssPeakMb: Object.fromEntries(subgraphNames.map((name) => [name, peak.get(system.subgraphPids[name])!])),
    cpuMsPerRequest: {
      gateway,
      subgraphs,
      postgres,
      total: (gateway ?? 0) + Object.values(subgraphs).reduce((a, b) => a + b, 0) + postgres,
      loadGenerator: (self.user + self.system) / 1000 / requests,
    },
    cacheHitRatio: result.cacheHitRatio,
    heldBack: result.schedule,
    sentByOperation: result.sentByOperation,
    topRequests: heaviest.map(({ entry, index }) => ({
      variables: `${entry.value.operation} ${JSON.stringify(entry.value.variables).slice(0, 100)}`,
      targetShare: sampler.share(index),
      sentShare: (result.sentByKey.get(entry.value.key) ?? 0) / sent,
    })),
    errorSamples: result.errorSamples,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : 0;
};

/** The median of each figure over rounds (errors added up, RSS the maximum). */
export function combineRounds(runs: Measurement[]): Measurement {
  const med = (pick: (m: Measurement) => number) => median(runs.map(pick));
  const last = runs[runs.length - 1]; // its mix and samples stand for the cell
  return {
    ...last,
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
    rps: med((r) => r.rps),
    p50: med((r) => r.p50),
    p90: med((r) => r.p90),
    p99: med((r) => r.p99),
    errors: {
      non200: runs.reduce((s, r) => s + r.errors.non200, 0),
      graphql: runs.reduce((s, r) => s + r.errors.graphql, 0),
      network: runs.reduce((s, r) => s + r.errors.network, 0),
      timeouts: runs.reduce((s, r) => s + r.errors.timeouts, 0),
      total: runs.reduce((s, r) => s + r.errors.total, 0),
    },
    gatewayRssPeakMb: last.gatewayRssPeakMb === null ? null : Math.max(...runs.map((r) => r.gatewayRssPeakMb ?? 0)),
    subgraphsRssPeakMb: Object.fromEntries(Object.keys(last.subgraphsRssPeakMb).map((name) => [name, Math.max(...runs.map((r) => r.subgraphsRssPeakMb[name]))])),
    cpuMsPerRequest: {
      gateway: last.cpuMsPerRequest.gateway === null ? null : med((r) => r.cpuMsPerRequest.gateway ?? 0),
      subgraphs: Object.fromEntries(Object.keys(last.cpuMsPerRequest.subgraphs).map((name) => [name, med((r) => r.cpuMsPerRequest.subgraphs[name])])),
      postgres: med((r) => r.cpuMsPerRequest.postgres),
      total: med((r) => r.cpuMsPerRequest.total),
      loadGenerator: med((r) => r.cpuMsPerRequest.loadGenerator),
    },
    cacheHitRatio: last.cacheHitRatio === null ? null : med((r) => r.cacheHitRatio ?? 0),
  };
}

/**
 * Every (round, workload, connections, target) cell, interleaved: each round starts with a
 * different target, so drift hits all alike. Each (workload, target) is warmed up once first.
 * Returns the medians over rounds.
 */
export async function measure(system: BenchSystem, workloads: Workload[], settings: MeasureSettings): Promise<Measurement[]> {
  const { targets } = system;
  const client = new Client({ connectionString: settings.databaseUrl });
  await client.connect();
  const pgCpu = new PostgresBackendCpu(client, settings.databaseName);
  try {
    const progress = settings.onProgress ?? (() => {});
    if (settings.warmupMs > 0) {
      progress(`warming up (${settings.warmupMs / 1000} s per target and workload) …`);
      for (const workload of workloads) for (const target of targets) await warmUp(system, workload, target, settings);
    }
    const samples = new Map<string, Measurement[]>();
    const total = settings.rounds * workloads.length * settings.connections.length * targets.length;
    let done = 0;
    for (let round = 0; round < settings.rounds; round++) {
      for (const workload of workloads) {
        for (const connections of settings.connections) {
          const order = targets.map((_, i) => targets[(i + round) % targets.length]);
          for (const target of order) {
            done++;
            const measurement = await measureCell(system, workload, target, connections, settings, pgCpu);
            if (!measurement) continue;
            const key = `${workload.name}|${connections}|${target.name}`;
            samples.set(key, [...(samples.get(key) ?? []), measurement]);
            progress(
              `${done}/${total} ${target.name.padEnd(13)} ${String(connections).padStart(3)} conns ${workload.name.slice(0, 44).padEnd(44)} ${measurement.rps.toFixed(0).padStart(6)} rps  p50 ${measurement.p50.toFixed(1)} ms  CPU ${measurement.cpuMsPerRequest.total.toFixed(2)} ms/req  errors ${measurement.errors.total}`,
            );
          }
        }
      }
    }
    return [...samples.values()].map(combineRounds);
  } finally {
    await client.end();
  }
}
