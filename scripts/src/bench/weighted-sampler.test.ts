import { mergeByKey, seededRandom, WeightedSampler } from "./weighted-sampler";

describe("seededRandom", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const take = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(take(15)).toEqual(take(15));
    expect(take(15)).not.toEqual(take(16));
    for (const value of take(15)) expect(value >= 0 && value < 1).toBe(true);
  });

  it("refuses a seed that is not an integer", () => {
    expect(() => seededRandom(1.5)).toThrow("seededRandom expects an integer seed, got 1.5.");
  });
});

describe("WeightedSampler", () => {
  it("draws each value in proportion to its weight, never a weight of 0", () => {
    const sampler = new WeightedSampler([
      { value: "a", weight: 6 },
      { value: "never", weight: 0 },
      { value: "b", weight: 3 },
      { value: "c", weight: 1 },
    ]);
    const random = seededRandom(1);
    const counts: Record<string, number> = {};
    const draws = 100_000;
    for (let i = 0; i < draws; i++) {
      const value = sampler.sample(random);
      counts[value] = (counts[value] ?? 0) + 1;
    }
    expect(counts.never).toBeUndefined();
    // 4 standard deviations of a binomial share at n = 100,000 is below 0.007.
    expect(Math.abs(counts.a / draws - 0.6)).toBeLessThan(0.007);
    expect(Math.abs(counts.b / draws - 0.3)).toBeLessThan(0.007);
    expect(Math.abs(counts.c / draws - 0.1)).toBeLessThan(0.007);
    expect(sampler.share(0)).toBe(0.6);
  });

  it("maps the ends of [0, 1) to the first and last drawable entries", () => {
    const sampler = new WeightedSampler([
      { value: "first", weight: 1 },
      { value: "last", weight: 1 },
      { value: "empty tail", weight: 0 },
    ]);
    expect(sampler.sample(() => 0)).toBe("first");
    expect(sampler.sample(() => 0.9999999)).toBe("last");
  });

  it("refuses no entries, negative or non-finite weights, and a zero total", () => {
    expect(() => new WeightedSampler([])).toThrow("WeightedSampler needs at least one entry, got none.");
    expect(() => new WeightedSampler([{ value: 1, weight: -1 }])).toThrow("got -1 at index 0");
    expect(() => new WeightedSampler([{ value: 1, weight: Number.NaN }])).toThrow("got NaN at index 0");
    expect(() => new WeightedSampler([{ value: 1, weight: 0 }])).toThrow("WeightedSampler needs a positive total weight, got 0.");
  });
});

describe("mergeByKey", () => {
  it("adds up the weights of equal keys and keeps first-seen order", () => {
    const merged = mergeByKey(
      [
        { value: { q: "san" }, weight: 1 },
        { value: { q: "new" }, weight: 2 },
        { value: { q: "san" }, weight: 3 },
      ],
      (v) => v.q,
    );
    expect(merged).toEqual([
      { value: { q: "san" }, weight: 4 },
      { value: { q: "new" }, weight: 2 },
    ]);
  });
});
