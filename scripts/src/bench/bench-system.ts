import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { Client } from "pg";
import { DEVELOPMENT_INTERNAL_SECRET, INTERNAL_CREDENTIAL_HEADER, type Logger, signInternalCredential } from "@scg/shared";
import { generateSyntheticNetwork } from "@scg/shared/data";
import { databaseOwners, ROOT, subgraphNames, syntheticSeeders } from "../subgraph-registry.js";

/** A gateway under test. */
export interface Target {
  name: string;
  /** Empty for subgraph-only (each request goes to its workload's baseline subgraph). */
  url: string;
  /** 0 for subgraph-only. */
  pid: number;
}

export interface BenchSystem {
  targets: Target[];
  /** Subgraph name → pid, in the registry's order. */
  subgraphPids: Record<string, number>;
  subgraphUrls: Record<string, string>;
  credential: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Preload the CPU-profile hook into our gateway and the subgraphs, writing `<dir>/<process>.cpuprofile`. */
  profileDir?: string;
}

const children: ChildProcess[] = [];
let stopping = false;
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 5100);
const PROFILE_HOOK = join(ROOT, "scripts", "dist", "bench", "cpu-profile-hook.js");

/** Ends every process the bench started (on exit or Ctrl-C). */
export function stopAll(): void {
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
}

function run(name: string, script: string, argv: string[], env: NodeJS.ProcessEnv, execArgv: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...execArgv, script, ...argv], { env: { ...process.env, APOLLO_TELEMETRY_DISABLED: "1", ...env }, stdio: ["ignore", "ignore", "inherit"] });
  child.once("exit", (code) => {
    if (code !== null && code !== 0 && !stopping) console.error(`${name} exited with ${code}`);
  });
  children.push(child);
  return child;
}

export async function postJson(url: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : body.toString("utf8") });
  const text = await response.text();
  let json: { data?: unknown; errors?: unknown[] } = {};
  try {
    json = JSON.parse(text);
  } catch {
    json = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, ...json };
}

async function waitFor(url: string, headers: Record<string, string> = {}, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const answer = await postJson(url, '{"query":"{ __typename }"}', headers);
      if (answer.data) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000} s.`);
}

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrlOf(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A database of the bench's own on the DATABASE_URL server, migrated and seeded with the real data
 * (and, for a scale factor above 1, the synthetic network: see `npm run seed:scale`). Kept between
 * runs; seeding is idempotent, so a second run only checks it.
 */
export async function prepareBenchDatabase(serverUrl: string, name: string, log: Logger, factor = 1): Promise<string> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = databaseUrlOf(serverUrl, name);
  for (const owner of databaseOwners()) await owner.prepareDatabase(url, { seed: true, sample: true }, log);
  if (factor > 1) {
    const network = generateSyntheticNetwork(factor);
    for (const { seedSynthetic } of syntheticSeeders()) await seedSynthetic(url, factor, log, network);
  }
  const analyze = new Client({ connectionString: url });
  await analyze.connect();
  await analyze.query("ANALYZE"); // planner statistics after bulk loads
  await analyze.end();
  return url;
}

/**
 * Starts the four subgraphs over `benchUrl` and the gateways under test, and waits until all
 * answer. Our gateway runs twice: cold (response and entity caches off) and warm (on); rate
 * limits are off in both, and each has its own in-memory store.
 */
export async function startSystem(benchUrl: string, wanted: string[], options: StartOptions = {}): Promise<BenchSystem> {
  const first = children.length;
  const credential = await signInternalCredential({ identity: null, caller: "bench" }, DEVELOPMENT_INTERNAL_SECRET, 6 * 3600);
  const names = subgraphNames();
  const subgraphUrls: Record<string, string> = {};
  const subgraphPids: Record<string, number> = {};
  names.forEach((name, i) => (subgraphUrls[name] = `http://127.0.0.1:${PORT_BASE + 1 + i}/graphql`));
  const urlEnv = Object.fromEntries(names.map((name) => [`${name.toUpperCase()}_URL`, subgraphUrls[name]]));
  const profiling = (name: string) =>
    options.profileDir ? { env: { SCG_CPU_PROFILE_FILE: join(options.profileDir, `${name}.cpuprofile`) }, execArgv: ["-r", PROFILE_HOOK] } : { env: {}, execArgv: [] };
  names.forEach((name, i) => {
    const profile = profiling(name);
    const child = run(
      name,
      join(ROOT, "subgraphs", name, "dist", "index.js"),
      [],
      { DATABASE_URL: benchUrl, PORT: String(PORT_BASE + 1 + i), HOST: "127.0.0.1", LOG_LEVEL: "warn", DATABASE_POOL_SIZE: "10", ...urlEnv, ...profile.env },
      profile.execArgv,
    );
    subgraphPids[name] = child.pid!;
  });
  await Promise.all(names.map((name) => waitFor(subgraphUrls[name], { [INTERNAL_CREDENTIAL_HEADER]: credential })));

  const supergraph = join(ROOT, "gateway", "supergraph.graphql");
  const targets: Target[] = [];
  const ours = (name: string, port: number, cache: boolean): Target => {
    const profile = profiling("gateway");
    const child = run(
      name,
      join(ROOT, "gateway", "dist", "index.js"),
      [],
      {
        GATEWAY_PORT: String(port), GATEWAY_HOST: "127.0.0.1", DATABASE_URL: benchUrl, LOG_LEVEL: "warn", RATE_LIMIT_ENABLED: "false",
        RESPONSE_CACHE_ENABLED: String(cache), ENTITY_CACHE_ENABLED: String(cache), SHARED_STORE: "memory", ...urlEnv, ...(cache ? {} : profile.env),
      },
      cache ? [] : profile.execArgv,
    );
    return { name, url: `http://127.0.0.1:${port}/graphql`, pid: child.pid! };
  };
  if (wanted.includes("ours-cold")) targets.push(ours("ours-cold", PORT_BASE + 10, false));
  if (wanted.includes("ours-warm")) targets.push(ours("ours-warm", PORT_BASE + 11, true));
  if (wanted.includes("stock-apollo")) {
    const child = run("stock-apollo", join(ROOT, "scripts", "dist", "bench", "stock-apollo-gateway.js"), [supergraph, String(PORT_BASE + 12), credential, JSON.stringify(subgraphUrls)], {});
    targets.push({ name: "stock-apollo", url: `http://127.0.0.1:${PORT_BASE + 12}/graphql`, pid: child.pid! });
  }
  if (wanted.includes("hive-rust")) {
    const child = run("hive-rust", join(ROOT, "scripts", "dist", "bench", "hive-gateway.js"), [supergraph, String(PORT_BASE + 13), credential, JSON.stringify(subgraphUrls)], {});
    targets.push({ name: "hive-rust", url: `http://127.0.0.1:${PORT_BASE + 13}/graphql`, pid: child.pid! });
  }
  await Promise.all(targets.map((t) => waitFor(t.url)));
  if (wanted.includes("subgraph-only")) targets.push({ name: "subgraph-only", url: "", pid: 0 });
  const mine = children.slice(first);
  return {
    targets,
    subgraphPids,
    subgraphUrls,
    credential,
    async stop() {
      await Promise.all(
        mine.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once("exit", () => resolve());
              child.kill("SIGTERM");
              setTimeout(() => child.kill("SIGKILL"), 3000).unref();
            }),
        ),
      );
    },
  };
}
