import "reflect-metadata";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { isDeepStrictEqual } from "node:util";
import { Client } from "pg";
import { createLogger, DEVELOPMENT_INTERNAL_SECRET, INTERNAL_CREDENTIAL_HEADER, readConfig, signInternalCredential } from "@scg/shared";
import { generateSyntheticNetwork } from "@scg/shared/data";
import { databaseOwners, ROOT, subgraphNames, syntheticSeeders } from "../subgraph-registry.js";
import { cpuMilliseconds, samplePeakRss } from "./process-stats.js";
import { SCENARIOS, type Scenario } from "./scenarios.js";

/**
 * `npm run bench`: the whole network against real Postgres, loaded with the contract operations,
 * side by side on the same subgraphs and data: our gateway cold (no caches) and warm, stock
 * @apollo/gateway, Hive Gateway with its Rust query planner, and each operation's
 * subgraph-only baseline. Prints one table and writes bench/results/. A script, not a test.
 */
const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    rounds: { type: "string", default: "2" },
    connections: { type: "string", default: "16,64" },
    targets: { type: "string", default: "ours-cold,ours-warm,stock-apollo,hive-rust,subgraph-only" },
    only: { type: "string" },
    quick: { type: "boolean", default: false },
    database: { type: "string", default: "scg_bench" },
    scale: { type: "boolean", default: false },
  },
});
const duration = args.quick ? 3 : Number(args.duration);
const warmup = args.quick ? 1 : Number(args.warmup);
const rounds = args.quick ? 1 : Number(args.rounds);
const connectionLevels = args.connections.split(",").map(Number);
const targetNames = args.targets.split(",");
const scenarios = SCENARIOS.filter((s) => !args.only || new RegExp(args.only, "i").test(s.name));

const { databaseUrl } = readConfig((read) => ({ databaseUrl: read.url("DATABASE_URL", read.required("DATABASE_URL"), ["postgres:", "postgresql:"]) }));
const log = createLogger("bench", "warn");
const children: ChildProcess[] = [];
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 5100);

interface Target {
  name: string;
  url: string;
  pid: number;
  /** Builds the request body for a scenario (null: the target has no such request). */
  body(scenario: Scenario): string | null;
}

function run(name: string, script: string, argv: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [script, ...argv], { env: { ...process.env, APOLLO_TELEMETRY_DISABLED: "1", ...env }, stdio: ["ignore", "ignore", "inherit"] });
  child.once("exit", (code) => {
    if (code !== null && code !== 0 && !stopping) console.error(`${name} exited with ${code}`);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stopAll() {
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
}
process.once("SIGINT", () => {
  stopAll();
  process.exit(130);
});

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

async function waitFor(url: string, headers: Record<string, string> = {}, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const answer = await post(url, '{"query":"{ __typename }"}', headers);
      if (answer.data) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000} s`);
}

/**
 * A database of the bench's own on the DATABASE_URL server, migrated and seeded with the real data
 * (and, for a scale factor above 1, the synthetic network: see `npm run seed:scale`). Kept between
 * runs; seeding is idempotent, so a second run only checks it.
 */
async function prepareBenchDatabase(name: string, factor = 1): Promise<string> {
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  for (const owner of databaseOwners()) await owner.prepareDatabase(url.toString(), { seed: true, sample: true }, log);
  if (factor > 1) {
    const network = generateSyntheticNetwork(factor);
    for (const { seedSynthetic } of syntheticSeeders()) await seedSynthetic(url.toString(), factor, log, network);
  }
  const analyze = new Client({ connectionString: url.toString() });
  await analyze.connect();
  await analyze.query("ANALYZE"); // planner statistics after bulk loads
  await analyze.end();
  return url.toString();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : 0;
};

interface Measurement {
  scenario: string;
  connections: number;
  target: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  gatewayRssMb: number;
  gatewayCpuMsPerRequest: number;
  subgraphsCpuMsPerRequest: number;
  subgraphsRssMb: number;
}

interface System {
  targets: Target[];
  subgraphPids: number[];
  subgraphUrls: Record<string, string>;
  credential: string;
  stop(): Promise<void>;
}

/** Starts the four subgraphs over `benchUrl` and the gateways under test, and waits until all answer. */
async function startSystem(benchUrl: string, wanted: string[]): Promise<System> {
  const first = children.length;
  const credential = await signInternalCredential({ identity: null, caller: "bench" }, DEVELOPMENT_INTERNAL_SECRET, 6 * 3600);
  const names = subgraphNames();
  const subgraphUrls: Record<string, string> = {};
  const subgraphPids: number[] = [];
  names.forEach((name, i) => (subgraphUrls[name] = `http://127.0.0.1:${PORT_BASE + 1 + i}/graphql`));
  const urlEnv = Object.fromEntries(names.map((name) => [`${name.toUpperCase()}_URL`, subgraphUrls[name]]));
  names.forEach((name, i) => {
    const child = run(name, join(ROOT, "subgraphs", name, "dist", "index.js"), [], {
      DATABASE_URL: benchUrl, PORT: String(PORT_BASE + 1 + i), HOST: "127.0.0.1", LOG_LEVEL: "warn", DATABASE_POOL_SIZE: "10", ...urlEnv,
    });
    subgraphPids.push(child.pid!);
  });
  await Promise.all(names.map((name) => waitFor(subgraphUrls[name], { [INTERNAL_CREDENTIAL_HEADER]: credential })));

  const supergraph = join(ROOT, "gateway", "supergraph.graphql");
  const targets: Target[] = [];
  const gatewayBody = (s: Scenario) => JSON.stringify({ query: s.query, variables: s.variables });
  const ours = (name: string, port: number, cache: boolean): Target => {
    const child = run(name, join(ROOT, "gateway", "dist", "index.js"), [], {
      GATEWAY_PORT: String(port), GATEWAY_HOST: "127.0.0.1", DATABASE_URL: benchUrl, LOG_LEVEL: "warn", RATE_LIMIT_ENABLED: "false",
      RESPONSE_CACHE_ENABLED: String(cache), ENTITY_CACHE_ENABLED: String(cache), SHARED_STORE: "memory", ...urlEnv,
    });
    return { name, url: `http://127.0.0.1:${port}/graphql`, pid: child.pid!, body: gatewayBody };
  };
  if (wanted.includes("ours-cold")) targets.push(ours("ours-cold", PORT_BASE + 10, false));
  if (wanted.includes("ours-warm")) targets.push(ours("ours-warm", PORT_BASE + 11, true));
  if (wanted.includes("stock-apollo")) {
    const child = run("stock-apollo", join(ROOT, "scripts", "dist", "bench", "stock-apollo-gateway.js"), [supergraph, String(PORT_BASE + 12), credential, JSON.stringify(subgraphUrls)], {});
    targets.push({ name: "stock-apollo", url: `http://127.0.0.1:${PORT_BASE + 12}/graphql`, pid: child.pid!, body: gatewayBody });
  }
  if (wanted.includes("hive-rust")) {
    const child = run("hive-rust", join(ROOT, "scripts", "dist", "bench", "hive-gateway.js"), [supergraph, String(PORT_BASE + 13), credential, JSON.stringify(subgraphUrls)], {});
    targets.push({ name: "hive-rust", url: `http://127.0.0.1:${PORT_BASE + 13}/graphql`, pid: child.pid!, body: gatewayBody });
  }
  await Promise.all(targets.map((t) => waitFor(t.url)));
  if (wanted.includes("subgraph-only")) {
    targets.push({
      name: "subgraph-only",
      url: "",
      pid: 0,
      body: (s) => (s.baseline ? JSON.stringify({ query: s.baseline.query, variables: s.baseline.variables }) : null),
    });
  }
  const mine = children.slice(first);
  return {
    targets,
    subgraphPids,
    subgraphUrls,
    credential,
    async stop() {
      await Promise.all(mine.map((child) => new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 3000).unref();
      })));
    },
  };
}

/** Runs every (round, scenario, connections, target) cell and returns the medians over rounds. */
async function measure(system: System, cells: { scenarios: Scenario[]; connections: number[]; rounds: number }): Promise<Measurement[]> {
  const { targets, subgraphPids, subgraphUrls, credential } = system;
  const gatewayBody = (s: Scenario) => JSON.stringify({ query: s.query, variables: s.variables });
  const urlOf = (target: Target, scenario: Scenario) => (target.name === "subgraph-only" ? subgraphUrls[scenario.baseline!.subgraph] : target.url);
  const headersOf = (target: Target): Record<string, string> =>
    target.name === "subgraph-only" ? { "content-type": "application/json", [INTERNAL_CREDENTIAL_HEADER]: credential } : { "content-type": "application/json" };

  // Same behaviour first: every gateway must give the first target's answer, without errors.
  for (const scenario of cells.scenarios) {
    const reference = await post(targets[0].url, gatewayBody(scenario));
    if (reference.errors) throw new Error(`${scenario.name}: ${targets[0].name} answered with errors: ${JSON.stringify(reference.errors).slice(0, 300)}`);
    for (const target of targets.slice(1)) {
      if (target.name === "subgraph-only") continue;
      const answer = await post(target.url, target.body(scenario)!);
      const same = isDeepStrictEqual(answer.data, reference.data) && !answer.errors;
      if (!same) console.warn(`warning: ${target.name} answers ${scenario.name} differently from ${targets[0].name}: ${JSON.stringify(answer.errors ?? answer.data).slice(0, 200)}`);
    }
  }

  const load = (target: Target, scenario: Scenario, connections: number, seconds: number) =>
    autocannon({ url: urlOf(target, scenario), method: "POST", headers: headersOf(target), body: target.body(scenario)!, connections, duration: seconds, timeout: 10 });

  console.log(`bench: warming up (${warmup} s per target and operation) …`);
  for (const scenario of cells.scenarios) for (const target of targets) if (target.body(scenario)) await load(target, scenario, 16, warmup);

  const samples = new Map<string, Measurement[]>();
  const total = cells.rounds * cells.scenarios.length * cells.connections.length * targets.length;
  let done = 0;
  for (let round = 0; round < cells.rounds; round++) {
    for (const scenario of cells.scenarios) {
      for (const connections of cells.connections) {
        // Interleave: each round starts with a different target, so drift hits all alike.
        const order = targets.map((_, i) => targets[(i + round) % targets.length]);
        for (const target of order) {
          done++;
          if (!target.body(scenario)) continue;
          const pids = target.pid ? [target.pid, ...subgraphPids] : subgraphPids;
          const cpuBefore = pids.map(cpuMilliseconds);
          const stopSampling = samplePeakRss(pids);
          const result = await load(target, scenario, connections, duration);
          const peak = stopSampling();
          const cpu = pids.map((pid, i) => cpuMilliseconds(pid) - cpuBefore[i]);
          const requests = Math.max(1, result.requests.total);
          const measurement: Measurement = {
            scenario: scenario.name,
            connections,
            target: target.name,
            rps: result.requests.average,
            p50: result.latency.p50,
            p99: result.latency.p99,
            errors: result.errors + result.timeouts + result.non2xx,
            gatewayRssMb: target.pid ? peak.get(target.pid)! : 0,
            gatewayCpuMsPerRequest: target.pid ? cpu[0] / requests : 0,
            subgraphsCpuMsPerRequest: cpu.slice(target.pid ? 1 : 0).reduce((a, b) => a + b, 0) / requests,
            subgraphsRssMb: subgraphPids.reduce((sum, pid) => sum + peak.get(pid)!, 0),
          };
          const key = `${scenario.name}|${connections}|${target.name}`;
          samples.set(key, [...(samples.get(key) ?? []), measurement]);
          process.stdout.write(`\r  ${done}/${total} ${target.name.padEnd(13)} ${connections} conns ${scenario.name.slice(0, 40).padEnd(40)} ${measurement.rps.toFixed(0).padStart(6)} rps`);
        }
      }
    }
  }
  process.stdout.write("\n");

  return [...samples.values()].map((runs) => ({
    ...runs[0],
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    gatewayRssMb: Math.max(...runs.map((r) => r.gatewayRssMb)),
    gatewayCpuMsPerRequest: median(runs.map((r) => r.gatewayCpuMsPerRequest)),
    subgraphsCpuMsPerRequest: median(runs.map((r) => r.subgraphsCpuMsPerRequest)),
    subgraphsRssMb: Math.max(...runs.map((r) => r.subgraphsRssMb)),
  }));
}

async function main() {
  const started = Date.now();
  if (args.scale) return scaleBench(started);
  console.log(`bench: preparing database ${args.database} …`);
  const system = await startSystem(await prepareBenchDatabase(args.database), targetNames);
  const results = await measure(system, { scenarios, connections: connectionLevels, rounds });
  await system.stop();
  const markdown = renderTable(results);
  console.log(`\n${markdown}`);
  writeResults("bench", markdown, { results }, started);
  stopAll();
  process.exit(0);
}

/**
 * `npm run bench -- --scale`: how the paginated directory and country pages grow with the data.
 * Our gateway (cold) over the real data (factor 1) and over factor 100 (≈ 300,000 communities,
 * 256,000 partnerships), p50 side by side.
 */
async function scaleBench(started: number) {
  const picked = SCENARIOS.filter((s) => /DirectorySearch|CountryPartnerships/.test(s.name));
  const byFactor: Record<number, Measurement[]> = {};
  for (const factor of [1, 100]) {
    console.log(`bench: preparing ${factor === 1 ? args.database : `${args.database}_f100`} (factor ${factor}) …`);
    const url = await prepareBenchDatabase(factor === 1 ? args.database : `${args.database}_f100`, factor);
    const system = await startSystem(url, ["ours-cold"]);
    byFactor[factor] = await measure(system, { scenarios: picked, connections: [16], rounds });
    await system.stop();
  }
  const lines = ["| operation | p50 ms, factor 1 | p50 ms, factor 100 | growth | RPS, factor 1 | RPS, factor 100 |", "|---|---:|---:|---:|---:|---:|"];
  for (const scenario of picked) {
    const one = byFactor[1].find((m) => m.scenario === scenario.name)!;
    const hundred = byFactor[100].find((m) => m.scenario === scenario.name)!;
    lines.push(`| ${scenario.name} | ${one.p50.toFixed(1)} | ${hundred.p50.toFixed(1)} | ${(hundred.p50 / Math.max(0.1, one.p50)).toFixed(2)}× | ${one.rps.toFixed(0)} | ${hundred.rps.toFixed(0)} |`);
  }
  const markdown = lines.join("\n");
  console.log(`\n${markdown}`);
  writeResults("bench-scale", markdown, { byFactor }, started);
  stopAll();
  process.exit(0);
}

function writeResults(kind: string, markdown: string, data: object, started: number) {
  const meta = {
    date: new Date().toISOString(),
    command: process.argv.length > 2 ? `npm run bench -- ${process.argv.slice(2).join(" ")}` : "npm run bench",
    machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 1024 ** 3) },
    node: process.version,
    versions: versions(),
    settings: { duration, warmup, rounds, connections: connectionLevels },
    minutes: ((Date.now() - started) / 60_000).toFixed(1),
  };
  const dir = join(ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const stamp = `${kind}-${meta.date.replace(/[:.]/g, "-")}`;
  writeFileSync(join(dir, `${stamp}.json`), `${JSON.stringify({ meta, ...data }, null, 2)}\n`);
  const document = `# ${kind === "bench" ? "Benchmark" : "Scale benchmark"} ${meta.date}\n\n\`${meta.command}\` — ${meta.machine.cpus} × ${meta.machine.model}, ${meta.machine.memoryGb} GiB, Node ${meta.node}; ${rounds} round(s) of ${duration} s per cell after ${warmup} s warm-up; medians.\n\nVersions: ${Object.entries(meta.versions).map(([k, v]) => `${k} ${v}`).join(", ")}.\n\n${markdown}\n`;
  writeFileSync(join(dir, `${stamp}.md`), document);
  writeFileSync(join(dir, `${kind === "bench" ? "latest" : "latest-scale"}.md`), document);
  console.log(`bench: results in bench/results/${stamp}.{json,md} (${meta.minutes} min)`);
}

function versions() {
  const version = (pkg: string) => {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(join(ROOT, "node_modules", pkg, "package.json")).version as string;
    } catch {
      return "?";
    }
  };
  return Object.fromEntries(["@apollo/gateway", "@apollo/server", "@graphql-hive/gateway", "@graphql-hive/router-runtime", "graphql", "pg", "autocannon"].map((pkg) => [pkg, version(pkg)]));
}

function renderTable(results: Measurement[]): string {
  const lines = [
    "| operation | conns | target | RPS | p50 ms | p99 ms | errors | gateway RSS MB | gateway CPU ms/req | subgraphs CPU ms/req | × stock Apollo | × Hive Rust |",
    "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const find = (scenario: string, connections: number, target: string) => results.find((r) => r.scenario === scenario && r.connections === connections && r.target === target);
  for (const r of results.sort((a, b) => SCENARIOS.findIndex((s) => s.name === a.scenario) - SCENARIOS.findIndex((s) => s.name === b.scenario) || a.connections - b.connections)) {
    const stock = find(r.scenario, r.connections, "stock-apollo");
    const hive = find(r.scenario, r.connections, "hive-rust");
    const ratio = (peer?: Measurement) => (peer && peer.rps > 0 && r.target !== peer.target ? `${(r.rps / peer.rps).toFixed(2)}×` : "");
    lines.push(
      `| ${r.scenario} | ${r.connections} | ${r.target} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${r.gatewayRssMb ? r.gatewayRssMb.toFixed(0) : "–"} | ${r.gatewayCpuMsPerRequest ? r.gatewayCpuMsPerRequest.toFixed(2) : "–"} | ${r.subgraphsCpuMsPerRequest.toFixed(2)} | ${ratio(stock)} | ${ratio(hive)} |`,
    );
  }
  return lines.join("\n");
}

main().catch((error) => {
  console.error(error);
  stopAll();
  process.exit(1);
});
