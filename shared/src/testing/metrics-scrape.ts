import { parsePrometheusText, type Metrics } from "./prometheus-text.js";

/** Reads a /metrics endpoint and parses it; throws unless it answers 200 in the Prometheus text format. */
export async function scrapeMetrics(url: string): Promise<Metrics> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}.`);
  const type = response.headers.get("content-type") ?? "";
  if (!/^text\/plain; version=0\.0\.4/.test(type)) throw new Error(`${url} is not Prometheus text (${type}).`);
  return parsePrometheusText(await response.text());
}

/** The samples of family `name` called `sample` (the family's own name by default) whose labels include `labels`. */
function matching(metrics: Metrics, name: string, labels: Record<string, string>, sample = name) {
  return (metrics.get(name)?.samples ?? []).filter((s) => s.name === sample && Object.entries(labels).every(([key, value]) => s.labels[key] === value));
}

/**
 * The sum of `name`'s series whose labels include `labels` — of their counts, for a histogram —
 * 0 when there is none yet.
 */
export function seriesTotal(metrics: Metrics, name: string, labels: Record<string, string> = {}): number {
  const sample = metrics.get(name)?.type === "histogram" ? `${name}_count` : name;
  return matching(metrics, name, labels, sample).reduce((total, s) => total + s.value, 0);
}

/** The values a label takes across `name`'s series (a histogram's counts). */
export function labelValues(metrics: Metrics, name: string, label: string): Set<string> {
  const sample = metrics.get(name)?.type === "histogram" ? `${name}_count` : name;
  return new Set(matching(metrics, name, {}, sample).map((s) => s.labels[label]));
}

/** How many series `name` has (a histogram's label sets, not its buckets). */
export function seriesCount(metrics: Metrics, name: string): number {
  const sample = metrics.get(name)?.type === "histogram" ? `${name}_count` : name;
  return matching(metrics, name, {}, sample).length;
}
