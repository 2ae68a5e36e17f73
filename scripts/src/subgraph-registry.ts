import { existsSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_SUBGRAPH_PORTS, type Logger, type RunningSubgraph, type SeedWhen } from "@scg/shared";
import { type SyntheticImportReport, type SyntheticNetwork } from "@scg/shared/data";

/**
 * What every subgraph package exports from src/index.ts, so the runner, the composer and the
 * test setup treat them alike. Subgraphs are found by folder; the order is DESIGN.md's
 * (directory first: the others refer to its ids).
 */
export interface SubgraphModule {
  prepareDatabase(url: string, options: { seed: SeedWhen; sample?: boolean }, log?: Logger): Promise<unknown>;
  startSubgraph(config: any, options?: { queryLogger?: unknown; log?: Logger }): Promise<RunningSubgraph>;
  loadConfig(env?: Record<string, string | undefined>): any;
  /** `npm run seed:scale`: adds the synthetic network of `factor` to this subgraph's tables (optional). */
  seedSynthetic?(url: string, factor: number, log?: Logger, network?: SyntheticNetwork): Promise<SyntheticImportReport>;
  /** `build<Name>Schema()`: the subgraph's schema and SDL, no database needed. */
  [buildSchema: string]: unknown;
}

/** Builds a subgraph's SDL through its `build<Name>Schema` export. */
export async function subgraphSdl(name: string): Promise<string> {
  const module = loadSubgraph(name);
  const build = Object.entries(module).find(([key, value]) => /^build[A-Z]\w*Schema$/.test(key) && typeof value === "function");
  if (!build) throw new Error(`subgraphs/${name}/src/index.ts exports no build<Name>Schema function.`);
  const { sdl } = await (build[1] as () => Promise<{ sdl: string }>)();
  return sdl;
}

export const ROOT = join(__dirname, "..", "..");

/** The subgraphs that exist in this checkout, in dependency order. */
export function subgraphNames(): string[] {
  return Object.keys(DEFAULT_SUBGRAPH_PORTS).filter((name) => existsSync(join(ROOT, "subgraphs", name, "src", "index.ts")));
}

/** Loads a subgraph's module: its compiled dist/ when running built code, its src/ under Jest. */
export function loadSubgraph(name: string): SubgraphModule {
  const fromSource = __filename.endsWith(".ts");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(ROOT, "subgraphs", name, fromSource ? "src" : "dist", "index"));
}

/**
 * Everything that owns tables, in the order their migrations and seeds run: the subgraphs,
 * then the gateway (API keys). Each exports `prepareDatabase(url, { seed, sample }, log)`.
 */
export function databaseOwners(): { name: string; prepareDatabase: SubgraphModule["prepareDatabase"] }[] {
  const fromSource = __filename.endsWith(".ts");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const gateway = require(join(ROOT, "gateway", fromSource ? "src" : "dist", "index"));
  return [
    ...subgraphNames().map((name) => ({ name, prepareDatabase: loadSubgraph(name).prepareDatabase })),
    { name: "gateway", prepareDatabase: gateway.prepareDatabase },
  ];
}

/** The subgraphs that can import the synthetic scale-test network, in dependency order. */
export function syntheticSeeders(): { name: string; seedSynthetic: NonNullable<SubgraphModule["seedSynthetic"]> }[] {
  return subgraphNames().flatMap((name) => {
    const { seedSynthetic } = loadSubgraph(name);
    return seedSynthetic ? [{ name, seedSynthetic }] : [];
  });
}
