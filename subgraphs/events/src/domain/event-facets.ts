import { countFacets, countryRecord, NO_VALUE, type FacetBucket, type FacetDimension } from "@scg/shared";
import type { DataSource } from "typeorm";
import { EVENT_KIND_LABELS } from "../entities/event-kind.js";
import { eventsMatching, type EventFilterValues } from "./event-queries.js";

const monthLabel = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

const DIMENSIONS = {
  byKind: { expression: "e.kind", label: (kind) => EVENT_KIND_LABELS[kind as keyof typeof EVENT_KIND_LABELS] ?? kind },
  // The month the event starts in, where it happens (its own time zone): a conference that opens on
  // the evening of 31 May in Chicago is a May event, whatever the instant is in UTC.
  byMonth: { expression: `to_char(e.starts_at AT TIME ZONE e.timezone, 'YYYY-MM')`, label: monthLabel },
  byCountry: { expression: "e.host_country_code", label: (code) => (code === NO_VALUE ? "Online (no host community)" : countryRecord(code).name) },
} satisfies Record<string, FacetDimension>;

export type EventFacetValues = { total: number } & Record<keyof typeof DIMENSIONS, FacetBucket[]>;
/** The fields of EventFacets. */
export const EVENT_FACETS = ["total", ...(Object.keys(DIMENSIONS) as (keyof typeof DIMENSIONS)[])] as const;

/**
 * Checks the filter (as the calendar does), then returns how to count the events it matches by
 * kind, month and host country in one statement (see countFacets); each facet adds up to the
 * total, the calendar's totalCount.
 */
export function eventFacets(dataSource: DataSource, filter: EventFilterValues): () => Promise<EventFacetValues> {
  const matching = eventsMatching(dataSource, filter);
  return async () => {
    const { total, buckets } = await countFacets(dataSource, matching(), DIMENSIONS);
    // Months read best in calendar order, not by count.
    buckets.byMonth.sort((a, b) => a.value.localeCompare(b.value));
    return { total, ...buckets };
  };
}
