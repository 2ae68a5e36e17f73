import "reflect-metadata";
import { writeFileSync, mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Client } from "pg";
import { createLogger, readConfig } from "@scg/shared";
import { ROOT } from "../subgraph-registry.js";
import { answerCheckSample, compareAnswers } from "./answer-check.js";
import { postJson, prepareBenchDatabase, startSystem, stopAll, type BenchSystem } from "./bench-system.js";
import { measure, warmUp, type Measurement, type MeasureSettings } from "./measure.js";
import { profileRun, renderProfiles } from "./profile-run.js";
import { metaHeader, renderHeaviest, renderMeasurements, renderMix, renderWorkloads, runMeta, writeResults } from "./results.js";
import { benchRequest, identicalWorkloads, MIXED_WEIGHTS, rotatingWorkloads, type PageWalker, type Workload } from "./rotations.js";
import { readTrafficData, type TrafficData } from "./traffic-data.js";

/**
 * `npm run bench`: the whole network on real Postgres, loaded the way a site is — variables
 * rotating over the real data (rotations.ts), never two identical requests in flight — side by
 * side on the same subgraphs and data: our gateway cold (no caches) and warm (caches on, same
 * rotation), Hive Gateway with its Rust query planner, optionally stock @apollo/gateway. Answers
 * are checked equal first; a difference stops the run (exit 1). A script, not a test.
 *
 * Modes: default (rotating workloads), `--identical` (adds the old same-request runs, labelled),
 * `--scale` (factor 1 against factor 100), `--profile` (CPU profiles of our gateway and subgraphs
 * under the rotating CommunityProfile load, summarised to bench/profiles/).
 */
const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "12" },
    warmup: { type: "string", default: "3" },
    rounds: { type: "string", default: "1" },
    connections: { type: "string" },
    targets: { type: "string", default: "ours-cold,ours-warm,hive-rust" },
    only: { type: "string" },
    quick: { type: "boolean", default: false },
    database: { type: "string", default: "scg_bench" },
    seed: { type: "string", default: "15" },
    timeout: { type: "string", default: "10" },
    identical: { type: "boolean", default: false },
    scale: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    out: { type: "string" },
    "check-top": { type: "string", default: "3" },
    "check-drawn": { type: "string", default: "7" },
  },
});
const durationS = args.quick ? 3 : Number(args.duration);
const warmupS = args.quick ? 1 : Number(args.warmup);
const rounds = args.quick ? 1 : Number(args.rounds);
const connectionLevels = (args.connections ?? (args.scale || args.profile ? "16" : "16,64")).split(",").map(Number);
const seed = Number(args.seed);
const only = args.only ? (name: string) => new RegExp(args.only!, "i").test(name) : undefined;
const resultsDir = args.out ?? join(ROOT, "bench", "results");

const { databaseUrl } = readConfig((read) => ({ databaseUrl: read.url("DATABASE_URL", read.required("DATABASE_URL"), ["postgres:", "postgresql:"]) }));
const log = createLogger("bench", "warn");
process.once("SIGINT", () => {
  stopAll();
  process.exit(130);
});

const settingsFor = (databaseName: string, url: string, connections = connectionLevels): MeasureSettings => ({
  connections,
  rounds,
  durationMs: durationS * 1000,
  warmupMs: warmupS * 1000,
  timeoutMs: Number(args.timeout) * 1000,
  seed,
  databaseName,
  databaseUrl: url,
  onProgress: (line) => console.log(`  ${line}`),
});

const settingsRecord = (extra: Record<string, unknown> = {}) => ({
  duration: `${durationS} s`,
  warmup: `${warmupS} s`,
  rounds,
  connections: connectionLevels,
  seed,
  "load average at start": loadavg()
    .map((l) => l.toFixed(2))
    .join(" "),
  ...extra,
});

async function postgresVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  await client.end();
  return `PostgreSQL ${rows[0].server_version.split(" ")[0]}`;
}

/** Where each paginated operation keeps its pageInfo. */
const PAGE_INFO: Record<string, (data: any) => { hasNextPage: boolean; endCursor: string | null } | undefined> = {
  CountryPartnerships: (data) => data?.country?.partnerships?.pageInfo,
  UpcomingEvents: (data) => data?.events?.pageInfo,
  PartnershipMap: (data) => data?.partnerships?.pageInfo,
};

/** Follows `endCursor` through a gateway to find the pages that exist (rotations.ts's PageWalker). */
function pageWalker(gatewayUrl: string): PageWalker {
  return async (operation, variables, pages) => {
    const afters: (string | null)[] = [null];
    let after: string | null = null;
    while (afters.length < pages) {
      const answer = await postJson(gatewayUrl, benchRequest(operation, after ? { ...variables, after } : variables).body);
      if (answer.status !== 200 || answer.errors) throw new Error(`Walking the pages of ${operation} ${JSON.stringify(variables)} failed: HTTP ${answer.status} ${JSON.stringify(answer.errors ?? "").slice(0, 300)}`);
      const info = PAGE_INFO[operation](answer.data);
      if (!info?.hasNextPage || !info.endCursor) break;
      after = info.endCursor;
      afters.push(after);
    }
    return afters;
  };
}

/**
 * Before anything is timed: a sample of every workload's requests (the heaviest and some drawn
 * with the seed) must get the same answer, without errors, from every gateway. Throws otherwise.
 */
async function checkAnswers(system: BenchSystem, workloads: Workload[]): Promise<number> {
  const gateways = system.targets.filter((t) => t.url);
  const sample = answerCheckSample(workloads, Number(args["check-top"]), Number(args["check-drawn"]), seed);
  console.log(`bench: checking ${sample.length} requests on ${gateways.map((g) => g.name).join(", ")} …`);
  const mismatches = await compareAnswers(gateways, sample, (url, body) => postJson(url, body));
  if (mismatches.length) {
    for (const m of mismatches.slice(0, 20)) console.error(`  ${m.target}: ${m.request}\n    ${m.difference}`);
    throw new Error(`The gateways do not answer alike: ${mismatches.length} difference(s) or error(s) in ${sample.length} sampled requests (first ${Math.min(20, mismatches.length)} above). Nothing was timed.`);
  }
  return sample.length;
}

async function buildWorkloads(data: TrafficData, system: BenchSystem, filter?: (name: string) => boolean, identical = args.identical): Promise<Workload[]> {
  const walker = pageWalker((system.targets.find((t) => t.name === "ours-cold") ?? system.targets.find((t) => t.url))!.url);
  const workloads = [...(await rotatingWorkloads(data, walker, filter)), ...(identical ? identicalWorkloads(filter) : [])];
  if (!workloads.length) throw new Error(`No workload matches --only ${args.only}.`);
  return workloads;
}

async function main() {
  const started = Date.now();
  if (args.scale) return scaleBench(started);
  if (args.profile) return profileBench(started);
  console.log(`bench: preparing database ${args.database} …`);
  const benchUrl = await prepareBenchDatabase(databaseUrl, args.database, log);
  const system = await startSystem(benchUrl, args.targets.split(","));
  const workloads = await buildWorkloads(await readTrafficData(benchUrl), system, only);
  const checked = await checkAnswers(system, workloads);
  const results = await measure(system, workloads, settingsFor(args.database, benchUrl));
  await system.stop();
  const rotating = results.filter((m) => m.kind !== "identical");
  const meta = runMeta(started, await postgresVersion(benchUrl), settingsRecord({ targets: args.targets, "answers checked": checked }));
  const markdown = [
    metaHeader("Benchmark", meta),
    "Every cold figure comes from our gateway with response and entity caches off and rate limits off; requests rotate over the workload's distribution (seeded) and no two identical requests are ever in flight, so no answer is served by a cache or by in-flight deduplication. CPU ms/req is read from /proc for each process (Postgres: the client backends of the bench database) over the run, divided by the answers received; the load generator's own CPU is shown apart and not in \"all\". \"held back / unsent\": the share of draws postponed because an identical request was in flight, and of draws still waiting at the end (never sent). All services run their development profile (NODE_ENV unset), as before.",
    "## Workloads",
    renderWorkloads(workloads),
    ...(rotating.length
      ? [
          "## Results",
          renderMeasurements(rotating, workloads),
          ...(rotating.some((m) => m.kind === "mixed") ? ["## Mixed reads: operations sent", renderMix(rotating, MIXED_WEIGHTS)] : []),
          "## Heaviest requests: asked and sent",
          "No two identical requests are ever in flight, so by Little's law a request whose share is above 1/connections cannot be sent as often as drawn: its extra draws wait (\"held back\") and some are never sent (\"unsent\", % of draws). The heaviest request of each workload, its share asked and sent:",
          renderHeaviest(rotating, workloads),
        ]
      : []),
    ...(results.some((m) => m.kind === "identical")
      ? ["## Extra: identical requests (not cold figures)", "Every connection sends the same request, so in-flight deduplication merges most subgraph calls; kept to compare with earlier runs.", renderMeasurements(results.filter((m) => m.kind === "identical"), workloads)]
      : []),
  ].join("\n\n");
  console.log(`\n${markdown}\n`);
  const path = writeResults(resultsDir, "bench", "latest", meta, `${markdown}\n`, { workloads: describe(workloads), results });
  console.log(`bench: results in ${path}.{json,md} (${meta.minutes} min)`);
}

const describe = (workloads: Workload[]) => workloads.map((w) => ({ name: w.name, kind: w.kind, description: w.description, distinctRequests: w.sampler.entries.length }));

/**
 * `npm run bench -- --scale`: how the paginated directory and country pages grow with the data.
 * Our gateway (cold) over the real data (factor 1) and over factor 100 (≈ 300,000 communities,
 * 256,000 partnerships), the same rotation (drawn from the real data) sent to both.
 */
async function scaleBench(started: number) {
  const picked = (name: string) => /DirectorySearch|CountryPartnerships/.test(name) && (!only || only(name));
  console.log(`bench: preparing ${args.database} (factor 1) …`);
  const realUrl = await prepareBenchDatabase(databaseUrl, args.database, log);
  const data = await readTrafficData(realUrl);
  const byFactor: Record<number, Measurement[]> = {};
  let workloads: Workload[] = [];
  for (const factor of [1, 100]) {
    const name = factor === 1 ? args.database : `${args.database}_f100`;
    if (factor > 1) console.log(`bench: preparing ${name} (factor ${factor}; seeding it the first time takes a few minutes) …`);
    const url = factor === 1 ? realUrl : await prepareBenchDatabase(databaseUrl, name, log, factor);
    const system = await startSystem(url, ["ours-cold"]);
    workloads = await buildWorkloads(data, system, picked, true);
    await checkAnswers(system, workloads);
    byFactor[factor] = await measure(system, workloads, settingsFor(name, url));
    await system.stop();
  }
  const lines = [
    "| workload | conns | p50 ms, factor 1 | p50 ms, factor 100 | growth | p99 ms, factor 1 | p99 ms, factor 100 | RPS, factor 1 | RPS, factor 100 | Postgres CPU ms/req, factor 1 | factor 100 | all CPU ms/req, factor 1 | factor 100 |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const one of byFactor[1]) {
    const hundred = byFactor[100].find((m) => m.workload === one.workload && m.connections === one.connections);
    if (!hundred) continue;
    lines.push(
      `| ${one.workload} | ${one.connections} | ${one.p50.toFixed(1)} | ${hundred.p50.toFixed(1)} | ${(hundred.p50 / Math.max(0.1, one.p50)).toFixed(2)}× | ${one.p99.toFixed(1)} | ${hundred.p99.toFixed(1)} | ${one.rps.toFixed(0)} | ${hundred.rps.toFixed(0)} | ${one.cpuMsPerRequest.postgres.toFixed(2)} | ${hundred.cpuMsPerRequest.postgres.toFixed(2)} | ${one.cpuMsPerRequest.total.toFixed(2)} | ${hundred.cpuMsPerRequest.total.toFixed(2)} |`,
    );
  }
  const meta = runMeta(started, await postgresVersion(realUrl), settingsRecord({ target: "ours-cold" }));
  const markdown = [
    metaHeader("Scale benchmark", meta),
    "Our gateway, cold (caches and rate limits off), over the real data (factor 1) and over factor 100 (`npm run seed:scale`), the same rotation drawn from the real data sent to both (cursors walked on each). Rows named `identical · …` are the earlier fixed requests, kept as a labelled extra.",
    "## Workloads",
    renderWorkloads(workloads),
    "## Factor 1 against factor 100",
    lines.join("\n"),
  ].join("\n\n");
  console.log(`\n${markdown}\n`);
  const path = writeResults(resultsDir, "bench-scale", "latest-scale", meta, `${markdown}\n`, { workloads: describe(workloads), byFactor });
  console.log(`bench: results in ${path}.{json,md} (${meta.minutes} min)`);
}

/**
 * `npm run bench -- --profile`: our cold gateway and the four subgraphs with the CPU-profile hook,
 * the rotating CommunityProfile load, one profile per process and a summary of where each spends
 * its CPU (bench/profiles/<date>/).
 */
async function profileBench(started: number) {
  console.log(`bench: preparing database ${args.database} …`);
  const benchUrl = await prepareBenchDatabase(databaseUrl, args.database, log);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const dir = join(args.out ?? join(ROOT, "bench", "profiles"), stamp);
  mkdirSync(dir, { recursive: true });
  const system = await startSystem(benchUrl, ["ours-cold"], { profileDir: dir });
  try {
    const [workload] = await buildWorkloads(await readTrafficData(benchUrl), system, (name) => name === "CommunityProfile · rotating", false);
    await checkAnswers(system, [workload]);
    const settings = settingsFor(args.database, benchUrl);
    console.log(`bench: warming up ${Math.max(5, warmupS)} s, then profiling ${durationS} s at ${connectionLevels[0]} connections …`);
    await warmUp(system, workload, system.targets[0], { ...settings, warmupMs: Math.max(5, warmupS) * 1000 });
    const { measurement, profiles } = await profileRun(system, workload, connectionLevels[0], settings, dir);
    const meta = runMeta(started, await postgresVersion(benchUrl), settingsRecord({ target: "ours-cold", workload: workload.name, "sampling interval": "500 µs" }));
    const markdown = [metaHeader("CPU profiles", meta), `Workload: ${workload.name} — ${workload.description}.`, renderProfiles(profiles, measurement)].join("\n\n");
    writeFileSync(join(dir, "summary.md"), `${markdown}\n`);
    writeFileSync(join(dir, "summary.json"), `${JSON.stringify({ meta, measurement, profiles: profiles.map(({ file, ...rest }) => ({ ...rest, file: file.slice(ROOT.length + 1) })) }, null, 2)}\n`);
    console.log(`\n${markdown}\n`);
    console.log(`bench: profiles and summary in ${dir} (${meta.minutes} min)`);
  } finally {
    await system.stop();
  }
}

main()
  .then(() => {
    stopAll();
    process.exit(0);
  })
  .catch((error) => {
    console.error(error);
    stopAll();
    process.exit(1);
  });
