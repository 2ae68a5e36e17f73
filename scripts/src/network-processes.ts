import { join } from "node:path";
import type { Logger, SeedWhen } from "@scg/shared";
import { databaseOwners, ROOT, subgraphNames } from "./subgraph-registry.js";
import type { ServiceSpec } from "./supervisor.js";

/** Migrates every service's schema and, as `seed` says, imports its data (`sample`: the generated sample too). */
export async function prepareDatabases(databaseUrl: string, seed: SeedWhen, sample: boolean, log: Logger): Promise<void> {
  for (const { name, prepareDatabase } of databaseOwners()) {
    const started = Date.now();
    await prepareDatabase(databaseUrl, { seed, sample }, log);
    log.info(`${name}: database ready${seed === true ? ` (migrated and seeded${sample ? ", with the generated sample" : ""})` : " (migrated)"} in ${Date.now() - started} ms`);
  }
}

/** The four subgraphs as supervised processes, each with `env`. */
export function subgraphProcesses(env: NodeJS.ProcessEnv): ServiceSpec[] {
  return subgraphNames().map((name) => ({ name, script: join(ROOT, "subgraphs", name, "dist", "index.js"), env }));
}

/** The gateway as a supervised process. */
export function gatewayProcess(name: string, env: NodeJS.ProcessEnv): ServiceSpec {
  return { name, script: join(ROOT, "gateway", "dist", "index.js"), env };
}

/** Waits until `origin`/ready answers 200 (the supergraph is loaded and every subgraph answers); false after `timeoutMs`. */
export async function waitUntilReady(origin: string, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${origin}/ready`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
