import type { BenchRequest, Workload } from "./rotations.js";
import { seededRandom, WeightedSampler } from "./weighted-sampler.js";

/**
 * Where two JSON values first differ, as a path and both sides (`$.community.sisterCities[3].partner.slug:
 * "a" ≠ "b"`), or null when they are equal. Object key order does not matter (JSON objects are
 * unordered); list order does (GraphQL lists are ordered).
 */
export function firstDifference(a: unknown, b: unknown, path = "$"): string | null {
  if (Object.is(a, b)) return null;
  const show = (v: unknown) => (v === undefined ? "(absent)" : JSON.stringify(v)?.slice(0, 120));
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return `${path}: ${show(a)} ≠ ${show(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: ${show(a)} ≠ ${show(b)}`;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return `${path}: ${a.length} items ≠ ${other.length} items`;
    for (let i = 0; i < a.length; i++) {
      const difference = firstDifference(a[i], other[i], `${path}[${i}]`);
      if (difference) return difference;
    }
    return null;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const difference = firstDifference(left[key], right[key], `${path}.${key}`);
    if (difference) return difference;
  }
  return null;
}

/**
 * The requests the gateways must answer alike before anything is timed: for every operation of
 * the workloads, its `top` heaviest requests and `drawn` more drawn with the seed (distinct).
 */
export function answerCheckSample(workloads: Workload[], top: number, drawn: number, seed: number): BenchRequest[] {
  const byOperation = new Map<string, Map<string, { request: BenchRequest; weight: number }>>();
  for (const workload of workloads) {
    for (const { value, weight } of workload.sampler.entries) {
      const entries = byOperation.get(value.operation) ?? new Map<string, { request: BenchRequest; weight: number }>();
      const existing = entries.get(value.key);
      if (existing) existing.weight = Math.max(existing.weight, weight);
      else entries.set(value.key, { request: value, weight });
      byOperation.set(value.operation, entries);
    }
  }
  const sample: BenchRequest[] = [];
  for (const entries of byOperation.values()) {
    const list = [...entries.values()].sort((a, b) => b.weight - a.weight);
    const chosen = new Map<string, BenchRequest>();
    for (const { request } of list.slice(0, top)) chosen.set(request.key, request);
    const sampler = new WeightedSampler(list.map(({ request, weight }) => ({ value: request, weight })));
    const random = seededRandom(seed);
    const wanted = Math.min(list.length, top + drawn);
    for (let attempts = 0; chosen.size < wanted && attempts < 50 * wanted; attempts++) {
      const request = sampler.sample(random);
      chosen.set(request.key, request);
    }
    sample.push(...chosen.values());
  }
  return sample;
}

export interface Answer {
  status: number;
  data?: unknown;
  errors?: unknown[];
}

export interface AnswerMismatch {
  request: string;
  target: string;
  difference: string;
}

/**
 * Sends every sampled request to every gateway and compares each answer with the first gateway's:
 * same data, and no errors anywhere (the reference's included). Returns every mismatch.
 */
export async function compareAnswers(
  targets: { name: string; url: string }[],
  requests: BenchRequest[],
  post: (url: string, body: Buffer) => Promise<Answer>,
): Promise<AnswerMismatch[]> {
  const mismatches: AnswerMismatch[] = [];
  for (const request of requests) {
    const label = `${request.operation} ${JSON.stringify(request.variables).slice(0, 160)}`;
    const answers = await Promise.all(targets.map((target) => post(target.url, request.body)));
    const [reference] = answers;
    answers.forEach((answer, i) => {
      const target = targets[i].name;
      if (answer.status !== 200) mismatches.push({ request: label, target, difference: `HTTP ${answer.status}` });
      else if (answer.errors?.length) mismatches.push({ request: label, target, difference: `errors: ${JSON.stringify(answer.errors).slice(0, 300)}` });
      else if (i > 0) {
        const difference = firstDifference(reference.data, answer.data);
        if (difference) mismatches.push({ request: label, target, difference: `differs from ${targets[0].name} at ${difference}` });
      }
    });
  }
  return mismatches;
}
