import { answerCheckSample, compareAnswers, firstDifference } from "./answer-check";
import { benchRequest, type Workload } from "./rotations";
import { WeightedSampler } from "./weighted-sampler";

describe("firstDifference", () => {
  it("finds nothing between equal answers, whatever their key order", () => {
    expect(firstDifference({ a: 1, b: [{ x: null, y: "s" }] }, { b: [{ y: "s", x: null }], a: 1 })).toBeNull();
  });

  it("names the path and both values of the first difference", () => {
    expect(firstDifference({ community: { sisterCities: [{ slug: "a" }, { slug: "b" }] } }, { community: { sisterCities: [{ slug: "a" }, { slug: "c" }] } })).toBe(
      '$.community.sisterCities[1].slug: "b" ≠ "c"',
    );
    expect(firstDifference({ list: [1, 2] }, { list: [1] })).toBe("$.list: 2 items ≠ 1 items");
    expect(firstDifference({ a: 1 }, { a: 1, extra: true })).toBe("$.extra: (absent) ≠ true");
    expect(firstDifference({ a: null }, { a: {} })).toBe("$.a: null ≠ {}");
    expect(firstDifference([1], { 0: 1 })).toBe('$: [1] ≠ {"0":1}');
  });
});

const workload = (operation: string, slugs: [string, number][]): Workload => ({
  name: operation,
  kind: "rotating",
  description: "",
  distinctInFlight: true,
  sampler: new WeightedSampler(slugs.map(([slug, weight]) => ({ value: benchRequest(operation, { slug }), weight }))),
});

describe("answerCheckSample", () => {
  it("takes each operation's heaviest requests and distinct drawn ones, the same for the same seed", () => {
    const workloads = [workload("CommunityProfile", [["light", 1], ["heavy", 50], ["middle", 10], ["other", 5], ["rare", 0.1]])];
    const sample = answerCheckSample(workloads, 2, 2, 7);
    const slugs = sample.map((r) => r.variables.slug);
    expect(slugs.slice(0, 2)).toEqual(["heavy", "middle"]);
    expect(new Set(slugs).size).toBe(4);
    expect(answerCheckSample(workloads, 2, 2, 7).map((r) => r.key)).toEqual(sample.map((r) => r.key));
  });

  it("never asks for more than an operation has", () => {
    expect(answerCheckSample([workload("CommunityProfile", [["one", 1]])], 3, 7, 1)).toHaveLength(1);
  });
});

describe("compareAnswers", () => {
  const targets = [
    { name: "ours", url: "ours" },
    { name: "peer", url: "peer" },
  ];
  const requests = [benchRequest("CommunityProfile", { slug: "a" })];

  it("reports nothing when every gateway answers the reference's data without errors", async () => {
    const mismatches = await compareAnswers(targets, requests, async () => ({ status: 200, data: { community: { slug: "a" } } }));
    expect(mismatches).toEqual([]);
  });

  it("reports a different answer, an error (the reference's included) and a non-200", async () => {
    const answers: Record<string, object> = { ours: { status: 200, data: { community: { slug: "a" } } }, peer: { status: 200, data: { community: { slug: "b" } } } };
    expect(await compareAnswers(targets, requests, async (url) => answers[url] as never)).toEqual([
      { request: 'CommunityProfile {"slug":"a"}', target: "peer", difference: 'differs from ours at $.community.slug: "a" ≠ "b"' },
    ]);
    answers.ours = { status: 200, data: null, errors: [{ message: "boom" }] };
    answers.peer = { status: 500 };
    expect((await compareAnswers(targets, requests, async (url) => answers[url] as never)).map((m) => [m.target, m.difference])).toEqual([
      ["ours", 'errors: [{"message":"boom"}]'],
      ["peer", "HTTP 500"],
    ]);
  });
});
