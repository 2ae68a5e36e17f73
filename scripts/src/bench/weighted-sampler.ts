import { mulberry32 } from "@scg/shared/data";

/**
 * A seeded pseudo-random generator (the data's own mulberry32): the same seed gives the same
 * sequence on every machine and Node version, so two bench runs send the same rotation of
 * requests. Returns numbers in [0, 1). Not for anything secret.
 */
export function seededRandom(seed: number): () => number {
  if (!Number.isInteger(seed)) throw new Error(`seededRandom expects an integer seed, got ${seed}.`);
  return mulberry32(seed);
}

export interface Weighted<T> {
  value: T;
  weight: number;
}

/**
 * Draws values with probability proportional to their weight (inverse transform over the
 * cumulative weights, binary search: O(log n) a draw). Entries of weight 0 are never drawn.
 * The entries keep the order they were given in, so a seed always maps to the same values.
 */
export class WeightedSampler<T> {
  readonly entries: readonly Weighted<T>[];
  readonly totalWeight: number;
  private readonly cumulative: Float64Array;

  constructor(entries: readonly Weighted<T>[]) {
    if (entries.length === 0) throw new Error("WeightedSampler needs at least one entry, got none.");
    const cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach((entry, i) => {
      if (!Number.isFinite(entry.weight) || entry.weight < 0) throw new Error(`WeightedSampler weights must be finite and non-negative, got ${entry.weight} at index ${i}.`);
      total += entry.weight;
      cumulative[i] = total;
    });
    if (total <= 0) throw new Error("WeightedSampler needs a positive total weight, got 0.");
    this.entries = entries;
    this.totalWeight = total;
    this.cumulative = cumulative;
  }

  /** The value whose cumulative-weight interval holds `random() × total`. */
  sample(random: () => number): T {
    const target = random() * this.totalWeight;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return this.entries[low].value;
  }

  /** The probability of drawing entry `index`. */
  share(index: number): number {
    return this.entries[index].weight / this.totalWeight;
  }
}

/**
 * Adds up the weights of equal keys (first occurrence keeps its place), so a distribution built
 * from many rows becomes one entry per distinct request.
 */
export function mergeByKey<T>(entries: Iterable<Weighted<T>>, keyOf: (value: T) => string): Weighted<T>[] {
  const merged = new Map<string, Weighted<T>>();
  for (const entry of entries) {
    const key = keyOf(entry.value);
    const existing = merged.get(key);
    if (existing) existing.weight += entry.weight;
    else merged.set(key, { value: entry.value, weight: entry.weight });
  }
  return [...merged.values()];
}
