import { parsePrometheusText } from "./prometheus-text";

describe("parsePrometheusText", () => {
  it("reads labelled histograms as one family, with every label set kept apart", () => {
    const metrics = parsePrometheusText(`# HELP latency_seconds Time taken.
# TYPE latency_seconds histogram
latency_seconds_bucket{le="0.5",op="a"} 1
latency_seconds_bucket{le="+Inf",op="a"} 2
latency_seconds_sum{op="a"} 0.75
latency_seconds_count{op="a"} 2
latency_seconds_bucket{le="+Inf",op="b"} 5
latency_seconds_sum{op="b"} 1.5
latency_seconds_count{op="b"} 5
`);
    expect([...metrics.keys()]).toEqual(["latency_seconds"]);
    const family = metrics.get("latency_seconds")!;
    expect(family).toMatchObject({ type: "histogram", help: "Time taken." });
    expect(family.samples.filter((sample) => sample.name === "latency_seconds_count")).toEqual([
      { name: "latency_seconds_count", labels: { op: "a" }, value: 2 },
      { name: "latency_seconds_count", labels: { op: "b" }, value: 5 },
    ]);
  });

  it("reads escapes in label values and help, NaN, infinities and timestamps", () => {
    const metrics = parsePrometheusText(`# HELP odd_value A line\\nand a backslash \\\\.
# TYPE odd_value gauge
odd_value{path="C:\\\\DIR",quote="say \\"hi\\", {ok}",} NaN
odd_value{path="x"} -Inf 1395066363000
odd_value +Inf
`);
    const family = metrics.get("odd_value")!;
    expect(family.help).toBe("A line\nand a backslash \\.");
    expect(family.samples).toEqual([
      { name: "odd_value", labels: { path: "C:\\DIR", quote: 'say "hi", {ok}' }, value: Number.NaN },
      { name: "odd_value", labels: { path: "x" }, value: Number.NEGATIVE_INFINITY },
      { name: "odd_value", labels: {}, value: Number.POSITIVE_INFINITY },
    ]);
  });

  it.each([
    ["a value that is not a number", "up{job=\"x\"} Nan"],
    ["an unclosed label value", 'up{job="x} 1'],
    ["labels without commas", 'up{a="1" b="2"} 1'],
    ["no metric name", '{job="x"} 1'],
    ["two values", "up 1 2 3"],
  ])("refuses %s, naming the line", (_, line) => {
    expect(() => parsePrometheusText(`# TYPE up gauge\n${line}\n`)).toThrow(/^Line 2 is not Prometheus text/);
  });
});
