import type { CacheStore } from "./cache-store.js";

/**
 * One counter per subgraph, bumped by every mutation that subgraph served. A cached response or
 * entity records the counters of the subgraphs it was read from, as they were when the read
 * began; it is served again only while they are unchanged. So a write through the gateway
 * invalidates, at once and on every replica, everything read from the subgraph it changed —
 * coarse, but never stale, and it needs no knowledge of which entity a mutation touched.
 */
/**
 * Subgraphs that keep a copy of another's data, so a write to the one changes what the other
 * answers: the directory orders communities by their partnership count, which the partnerships
 * subgraph sends it after every proposal (see the directory's recordPartnershipCounts).
 */
export const PROJECTIONS: Readonly<Record<string, readonly string[]>> = { partnerships: ["directory"] };

export class DataGenerations {
  constructor(private readonly store: CacheStore, private readonly subgraphs: readonly string[]) {}

  private key = (subgraph: string) => `generation:${subgraph}`;

  /** The current counter of every subgraph; null when the store cannot tell (then nothing is cached or served). */
  async snapshot(): Promise<Record<string, number> | null> {
    const values = await this.store.counters(this.subgraphs.map(this.key));
    return values && Object.fromEntries(this.subgraphs.map((name, i) => [name, values[i]]));
  }

  /** Bumps the subgraphs a write touched and those that keep a copy of their data (PROJECTIONS). */
  async bump(subgraphs: Iterable<string>): Promise<void> {
    const written = [...subgraphs].flatMap((name) => [name, ...(PROJECTIONS[name] ?? [])]);
    await this.store.increment([...new Set(written)].filter((name) => this.subgraphs.includes(name)).map(this.key));
  }

  /** Whether what was read at `recorded` is still current in `now`. */
  static unchanged(recorded: Record<string, number>, now: Record<string, number>): boolean {
    return Object.entries(recorded).every(([name, generation]) => now[name] === generation);
  }
}
