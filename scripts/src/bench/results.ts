import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import type { Measurement } from "./measure.js";
import type { Workload } from "./rotations.js";
import { ROOT } from "../subgraph-registry.js";

export interface RunMeta {
  date: string;
  command: string;
  machine: { cpus: number; model: string | undefined; memoryGb: number };
  node: string;
  postgres: string;
  versions: Record<string, string>;
  settings: Record<string, unknown>;
  minutes: string;
}

export function runMeta(started: number, postgres: string, settings: Record<string, unknown>): RunMeta {
  return {
    date: new Date().toISOString(),
    command: process.argv.length > 2 ? `npm run bench -- ${process.argv.slice(2).join(" ")}` : "npm run bench",
    machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 1024 ** 3) },
    node: process.version,
    postgres,
    versions: versions(),
    settings,
    minutes: ((Date.now() - started) / 60_000).toFixed(1),
  };
}

function versions(): Record<string, string> {
  const version = (pkg: string) => {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(join(ROOT, "node_modules", pkg, "package.json")).version as string;
    } catch {
      return "?";
    }
  };
  return Object.fromEntries(["@apollo/gateway", "@apollo/server", "@graphql-hive/gateway", "@graphql-hive/router-runtime", "graphql", "type-graphql", "typeorm", "pg"].map((pkg) => [pkg, version(pkg)]));
}

/** The header every results file starts with: what ran, where, with what. */
export function metaHeader(title: string, meta: RunMeta): string {
  const settings = Object.entries(meta.settings)
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(",") : String(v)}`)
    .join(", ");
  return [
    `# ${title} ${meta.date}`,
    "",
    `\`${meta.command}\` — ${meta.machine.cpus} × ${meta.machine.model}, ${meta.machine.memoryGb} GiB, Node ${meta.node}, ${meta.postgres}; load generator, gateways, subgraphs and Postgres on the same machine.`,
    "",
    `Settings: ${settings}. Versions: ${Object.entries(meta.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}.`,
  ].join("\n");
}

/** Writes `<dir>/<kind>-<stamp>.{json,md}` and `<dir>/<latest>.md`; returns the stamp path. */
export function writeResults(dir: string, kind: string, latest: string, meta: RunMeta, markdown: string, data: object): string {
  mkdirSync(dir, { recursive: true });
  const stamp = `${kind}-${meta.date.replace(/[:.]/g, "-")}`;
  writeFileSync(join(dir, `${stamp}.json`), `${JSON.stringify({ meta, ...data }, null, 2)}\n`);
  writeFileSync(join(dir, `${stamp}.md`), markdown);
  writeFileSync(join(dir, `${latest}.md`), markdown);
  return join(dir, stamp);
}

const fixed = (value: number | null | undefined, digits = 2) => (value === null || value === undefined ? "–" : value.toFixed(digits));
const percent = (value: number) => `${(100 * value).toFixed(1)}%`;

/**
 * The main table: one row per (workload, connections, target), CPU per request split by process,
 * and the ratios the targets are stated in (× Hive Gateway + Rust planner; warm ÷ cold).
 */
export function renderMeasurements(results: Measurement[], workloads: Workload[]): string {
  const subgraphs = Object.keys(results[0]?.cpuMsPerRequest.subgraphs ?? {});
  const order = (m: Measurement) => workloads.findIndex((w) => w.name === m.workload);
  const targetOrder = ["ours-cold", "ours-warm", "hive-rust", "stock-apollo", "subgraph-only"];
  const sorted = [...results].sort((a, b) => order(a) - order(b) || a.connections - b.connections || targetOrder.indexOf(a.target) - targetOrder.indexOf(b.target));
  const find = (m: Measurement, target: string) => results.find((r) => r.workload === m.workload && r.connections === m.connections && r.target === target);
  const lines = [
    `| workload | conns | target | RPS | p50 ms | p99 ms | errors (non-200/GraphQL/other) | gateway RSS peak MB | CPU ms/req: gateway | ${subgraphs.join(" | ")} | Postgres | all | load generator | × Hive Rust | warm ÷ cold | cache hits | held back / unsent |`,
    `|---|---:|---|---:|---:|---:|---:|---:|---:|${subgraphs.map(() => "---:|").join("")}---:|---:|---:|---:|---:|---:|---:|`,
  ];
  for (const m of sorted) {
    const hive = find(m, "hive-rust");
    const cold = find(m, "ours-cold");
    const cpu = m.cpuMsPerRequest;
    const { drawn, deferred, pendingDeferred } = m.heldBack;
    const held = drawn > 0 && deferred > 0 ? `${percent(deferred / drawn)} / ${percent(pendingDeferred / drawn)}` : "";
    lines.push(
      [
        "",
        m.workload,
        m.connections,
        m.target,
        m.rps.toFixed(0),
        m.p50.toFixed(1),
        m.p99.toFixed(1),
        m.errors.total ? `${m.errors.total} (${m.errors.non200}/${m.errors.graphql}/${m.errors.network + m.errors.timeouts})` : "0",
        fixed(m.gatewayRssPeakMb, 0),
        fixed(cpu.gateway),
        ...subgraphs.map((name) => fixed(cpu.subgraphs[name])),
        fixed(cpu.postgres),
        fixed(cpu.total),
        fixed(cpu.loadGenerator),
        hive && m.target !== "hive-rust" && hive.rps > 0 ? `${(m.rps / hive.rps).toFixed(2)}×` : "",
        m.target === "ours-warm" && cold && cold.rps > 0 ? `${(m.rps / cold.rps).toFixed(2)}×` : "",
        m.cacheHitRatio === null ? "" : percent(m.cacheHitRatio),
        held,
        "",
      ].join(" | ").trim(),
    );
  }
  return lines.join("\n");
}

/**
 * The heaviest request of each rotating workload: its share in the distribution and among the
 * requests each run sent. Never two identical requests in flight caps a request at one in flight:
 * by Little's law one whose share is above 1/connections is sent less often than drawn.
 */
export function renderHeaviest(results: Measurement[], workloads: Workload[]): string {
  const rotating = workloads.filter((w) => w.kind !== "identical");
  const runs = results.filter((m) => m.kind !== "identical" && m.workload === rotating[0]?.name).map((m) => ({ target: m.target, connections: m.connections }));
  if (!runs.length) return "";
  const lines = [
    `| workload | heaviest request | asked | ${runs.map((r) => `${r.target} ${r.connections}`).join(" | ")} |`,
    `|---|---|---:|${runs.map(() => "---:|").join("")}`,
  ];
  for (const workload of rotating) {
    const cells = runs.map((run) => results.find((m) => m.workload === workload.name && m.target === run.target && m.connections === run.connections)?.topRequests[0]);
    const top = cells.find(Boolean);
    if (!top) continue;
    lines.push(`| ${workload.name} | ${top.variables.replace(/\|/g, "\\|")} | ${percent(top.targetShare)} | ${cells.map((c) => (c ? percent(c.sentShare) : "")).join(" | ")} |`);
  }
  return lines.join("\n");
}

/** The workloads, as drawn: what rotates and how. */
export function renderWorkloads(workloads: Workload[]): string {
  return workloads.map((w) => `- **${w.name}** — ${w.description}.`).join("\n");
}

/** The mixed workload's operations: the share asked for and the share each run sent. */
export function renderMix(results: Measurement[], weights: Record<string, number>): string {
  const mixed = results.filter((m) => m.kind === "mixed");
  if (!mixed.length) return "";
  const totalWeight = Object.values(weights).reduce((a, b) => a + b, 0);
  const lines = [
    `| operation | asked | ${mixed.map((m) => `${m.target} ${m.connections}`).join(" | ")} |`,
    `|---|---:|${mixed.map(() => "---:|").join("")}`,
  ];
  for (const [operation, weight] of Object.entries(weights)) {
    const cells = mixed.map((m) => {
      const sent = Object.values(m.sentByOperation).reduce((a, b) => a + b, 0) || 1;
      return percent((m.sentByOperation[operation] ?? 0) / sent);
    });
    lines.push(`| ${operation} | ${percent(weight / totalWeight)} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}
