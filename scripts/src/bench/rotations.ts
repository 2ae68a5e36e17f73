import type { LoadRequest } from "./load-generator.js";
import { operationText, SCENARIOS } from "./scenarios.js";
import type { TrafficData } from "./traffic-data.js";
import { mergeByKey, WeightedSampler, type Weighted } from "./weighted-sampler.js";

/** One request of a workload: an operation of the contract with its variables. */
export interface BenchRequest extends LoadRequest {
  variables: Record<string, unknown>;
}

/** What the load generator sends in one run: a distribution of requests and how to send it. */
export interface Workload {
  name: string;
  kind: "rotating" | "mixed" | "identical";
  /** How the requests are drawn, for the results. */
  description: string;
  sampler: WeightedSampler<BenchRequest>;
  /** Never two identical requests in flight (see request-schedule.ts); false only for identical runs. */
  distinctInFlight: boolean;
  /** Identical runs only: the part of the operation its root subgraph answers alone. */
  baseline?: { subgraph: string; body: string };
}

/**
 * The pages of a paginated operation that exist: `after` for page 1 (null), 2, … up to `pages`,
 * read by following `pageInfo.endCursor` through a gateway (cursors are data, so each database
 * gets its own).
 */
export type PageWalker = (operation: string, variables: Record<string, unknown>, pages: number) => Promise<(string | null)[]>;

/**
 * The mixed workload's share of each read operation, like a sister-city site's traffic: community
 * pages are where visitors land (search engines, links from member sites) and the directory and
 * country pages are how they get there (a search sends one request per settled keystroke); the
 * calendar is the next most visited; the headline figures load once per home-page view; youth
 * programs are a niche page; the map is heavy but rare (one view loads its 500-row pages).
 */
export const MIXED_WEIGHTS: Record<string, number> = {
  CommunityProfile: 35,
  DirectorySearch: 20,
  CountryPartnerships: 15,
  UpcomingEvents: 12,
  NetworkStats: 8,
  YouthPrograms: 6,
  PartnershipMap: 4,
};

/** The chance a visitor of a paginated list goes on to the next page. */
const NEXT_PAGE = { CountryPartnerships: 0.35, UpcomingEvents: 0.3 };
const MAX_PAGES = { CountryPartnerships: 4, UpcomingEvents: 3, PartnershipMap: 50 };
/** How many letters a search has when it is sent (3 most often), and how often it names the country. */
const PREFIX_LENGTHS: [number, number][] = [
  [3, 0.5],
  [4, 0.3],
  [5, 0.2],
];
const SEARCH_WITH_COUNTRY = 0.5;
const CALENDAR_WITH_COUNTRY = 0.5;
const PROGRAMS_WITH_AREA = 0.6;
const PREFIX = /^[a-z][a-z '-]*[a-z]$/;

type Variables = Record<string, unknown>;

export function communityProfileVariables(data: TrafficData): Weighted<Variables>[] {
  return data.usCommunities.map(({ slug, partnerships }) => ({ value: { slug }, weight: partnerships }));
}

/** Searches: a name prefix of a community (picked by its partnerships), sometimes with its country. */
export function directorySearchVariables(data: TrafficData): Weighted<Variables>[] {
  const entries: Weighted<Variables>[] = [];
  for (const { searchText, countryCode, partnerships } of data.namedCommunities) {
    for (const [length, share] of PREFIX_LENGTHS) {
      const search = searchText.slice(0, length);
      if (search.length < length || !PREFIX.test(search)) continue;
      const weight = partnerships * share;
      entries.push({ value: { filter: { search }, first: 20 }, weight: weight * (1 - SEARCH_WITH_COUNTRY) });
      entries.push({ value: { filter: { countryCode, search }, first: 20 }, weight: weight * SEARCH_WITH_COUNTRY });
    }
  }
  return sortedByWeight(mergeByKey(entries, (v) => JSON.stringify(v)));
}

/**
 * Country pages by partnerships, each page after the first reached with NEXT_PAGE's chance. The
 * US is left out: every partnership has a US side, so weighting it by partnerships would make the
 * whole network's page half of all country-page traffic.
 */
export async function countryPartnershipsVariables(data: TrafficData, walk: PageWalker): Promise<Weighted<Variables>[]> {
  const entries: Weighted<Variables>[] = [];
  await forEachLimited(data.partnerCountries, 8, async ({ code, partnerships }) => {
    const base = { code, first: 20 };
    const afters = await walk("CountryPartnerships", base, MAX_PAGES.CountryPartnerships);
    entries.push(...pagesOf(base, afters, partnerships, NEXT_PAGE.CountryPartnerships));
  });
  return sortedByWeight(entries);
}

/** The calendar from today: all countries or one (by its events), a page or a few. */
export async function upcomingEventsVariables(data: TrafficData, walk: PageWalker): Promise<Weighted<Variables>[]> {
  const entries: Weighted<Variables>[] = [];
  const totalEvents = data.eventCountries.reduce((sum, c) => sum + c.events, 0) || 1;
  const calendars = [
    { filter: { from: data.eventsFrom }, weight: 1 - CALENDAR_WITH_COUNTRY },
    ...data.eventCountries.map(({ code, events }) => ({ filter: { from: data.eventsFrom, countryCode: code }, weight: (CALENDAR_WITH_COUNTRY * events) / totalEvents })),
  ];
  await forEachLimited(calendars, 8, async ({ filter, weight }) => {
    const base = { filter, first: 20 };
    const afters = await walk("UpcomingEvents", base, MAX_PAGES.UpcomingEvents);
    entries.push(...pagesOf(base, afters, weight, NEXT_PAGE.UpcomingEvents));
  });
  return sortedByWeight(entries);
}

/** Programs for an age group, or an age group and an area, by how many programs match. */
export function youthProgramsVariables(data: TrafficData): Weighted<Variables>[] {
  const total = data.programFilters.reduce((sum, f) => sum + f.programs, 0) || 1;
  const entries: Weighted<Variables>[] = [];
  for (const { ageGroup, area, programs } of data.programFilters) {
    entries.push({ value: { filter: { ageGroups: [ageGroup], areas: [area] }, first: 20 }, weight: (PROGRAMS_WITH_AREA * programs) / total });
    entries.push({ value: { filter: { ageGroups: [ageGroup] }, first: 20 }, weight: ((1 - PROGRAMS_WITH_AREA) * programs) / total });
  }
  return sortedByWeight(mergeByKey(entries, (v) => JSON.stringify(v)));
}

/** Every page of the map, alike: one map view loads them all. */
export async function partnershipMapVariables(walk: PageWalker): Promise<Weighted<Variables>[]> {
  const afters = await walk("PartnershipMap", { first: 500 }, MAX_PAGES.PartnershipMap);
  return afters.map((after) => ({ value: after ? { first: 500, after } : { first: 500 }, weight: 1 }));
}

/** A request body (our gateway, Hive and stock Apollo all take the same JSON). */
export function benchRequest(operation: string, variables: Variables): BenchRequest {
  const body = JSON.stringify({ operationName: operation, query: operationText(operation), variables });
  return { operation, variables, key: body, body: Buffer.from(body) };
}

const toRequests = (operation: string, entries: Weighted<Variables>[]): Weighted<BenchRequest>[] =>
  entries.map(({ value, weight }) => ({ value: benchRequest(operation, value), weight }));

const share = (entries: Weighted<unknown>[], index = 0) => {
  const total = entries.reduce((sum, e) => sum + e.weight, 0);
  return `${((100 * entries[index].weight) / total).toFixed(1)}%`;
};

/**
 * The four rotating workloads of the default run: CommunityProfile, CountryPartnerships and
 * DirectorySearch alone, and the mixed reads (MIXED_WEIGHTS). Deterministic given the data and
 * the pages the walker finds.
 */
export async function rotatingWorkloads(data: TrafficData, walk: PageWalker, only?: (name: string) => boolean): Promise<Workload[]> {
  const wanted = only ?? (() => true);
  const community = communityProfileVariables(data);
  const search = directorySearchVariables(data);
  const needMixed = wanted("Mixed reads · rotating");
  const country = needMixed || wanted("CountryPartnerships · rotating") ? await countryPartnershipsVariables(data, walk) : [];
  const workloads: Workload[] = [];
  const rotating = (name: string, operation: string, entries: Weighted<Variables>[], description: string) => {
    if (wanted(name)) workloads.push({ name, kind: "rotating", description, sampler: new WeightedSampler(toRequests(operation, entries)), distinctInFlight: true });
  };
  rotating(
    "CommunityProfile · rotating",
    "CommunityProfile",
    community,
    `slug over ${community.length} US communities weighted by partnerships (top: ${String(community[0].value.slug)} ${share(community)})`,
  );
  if (country.length) {
    rotating(
      "CountryPartnerships · rotating",
      "CountryPartnerships",
      country,
      `${data.partnerCountries.length} partner countries weighted by partnerships (US side not counted), first 20, next page with p=${NEXT_PAGE.CountryPartnerships}: ${country.length} distinct (top: ${JSON.stringify(country[0].value)} ${share(country)})`,
    );
  }
  rotating(
    "DirectorySearch · rotating",
    "DirectorySearch",
    search,
    `${search.length} distinct searches: 3–5-letter name prefixes of communities weighted by partnerships, half with the community's country, first 20 (top: ${JSON.stringify(search[0].value)} ${share(search)})`,
  );
  if (needMixed) {
    const perOperation: Record<string, Weighted<Variables>[]> = {
      CommunityProfile: community,
      DirectorySearch: search,
      CountryPartnerships: country,
      UpcomingEvents: await upcomingEventsVariables(data, walk),
      NetworkStats: [{ value: {}, weight: 1 }],
      YouthPrograms: youthProgramsVariables(data),
      PartnershipMap: await partnershipMapVariables(walk),
    };
    const entries: Weighted<BenchRequest>[] = [];
    for (const [operation, weight] of Object.entries(MIXED_WEIGHTS)) {
      const list = perOperation[operation];
      const total = list.reduce((sum, e) => sum + e.weight, 0);
      for (const { value, weight: w } of list) entries.push({ value: benchRequest(operation, value), weight: (weight * w) / total });
    }
    workloads.push({
      name: "Mixed reads · rotating",
      kind: "mixed",
      description: `${Object.entries(MIXED_WEIGHTS)
        .map(([op, w]) => `${op} ${w}%`)
        .join(", ")}; each with its own rotation (${entries.length} distinct requests)`,
      sampler: new WeightedSampler(entries),
      distinctInFlight: true,
    });
  }
  return workloads;
}

/** The old fixed-variable scenarios: every connection sends the same request (labelled extra). */
export function identicalWorkloads(only?: (name: string) => boolean): Workload[] {
  return SCENARIOS.map((scenario) => {
    const request = benchRequest(scenario.operation, scenario.variables);
    return {
      name: `identical · ${scenario.name}`,
      kind: "identical" as const,
      description: "every connection sends this same request: in-flight deduplication merges subgraph calls, not a cold figure",
      sampler: new WeightedSampler([{ value: request, weight: 1 }]),
      distinctInFlight: false,
      baseline: scenario.baseline ? { subgraph: scenario.baseline.subgraph, body: JSON.stringify({ query: scenario.baseline.query, variables: scenario.baseline.variables }) } : undefined,
    };
  }).filter((w) => !only || only(w.name));
}

function pagesOf(base: Variables, afters: (string | null)[], weight: number, next: number): Weighted<Variables>[] {
  const reach = afters.map((_, page) => next ** page);
  const total = reach.reduce((a, b) => a + b, 0);
  return afters.map((after, page) => ({ value: after ? { ...base, after } : base, weight: (weight * reach[page]) / total }));
}

function sortedByWeight<T>(entries: Weighted<T>[]): Weighted<T>[] {
  return entries.sort((a, b) => b.weight - a.weight || JSON.stringify(a.value).localeCompare(JSON.stringify(b.value)));
}

async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}
