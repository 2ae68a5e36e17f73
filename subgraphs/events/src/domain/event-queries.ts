import { applyOrderedPage, badUserInput, isUuid, parsePage, provenanceKinds, US_STATES, type OrderedPage, type ProvenanceKind, type SortKey } from "@scg/shared";
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { Event } from "../entities/event.entity.js";
import type { EventKind } from "../entities/event-kind.js";

export interface EventFilterValues {
  from?: Date | null;
  to?: Date | null;
  kinds?: EventKind[] | null;
  countryCode?: string | null;
  regionCode?: string | null;
  includeCancelled?: boolean | null;
  provenance?: ProvenanceKind[] | null;
}

export enum EventOrderField {
  STARTS_AT = "STARTS_AT",
}

/** The calendar's sort key: the start instant (indexed with id). */
export const EVENT_STARTS_AT: SortKey<Event> = {
  field: EventOrderField.STARTS_AT,
  expression: "e.starts_at",
  value: (event) => event.startsAt.toISOString(),
  cast: "timestamptz",
};

/** Which of an owner's events a list shows. */
export enum EventTime {
  UPCOMING = "UPCOMING",
  PAST = "PAST",
  ALL = "ALL",
}

/** Checks a calendar filter; a window that ends before it starts is an input error, never an empty page. */
export function checkEventFilter(filter: EventFilterValues): EventFilterValues {
  if (filter.from && filter.to && filter.to.getTime() < filter.from.getTime()) {
    throw badUserInput(
      `The window ends (${filter.to.toISOString()}) before it starts (${filter.from.toISOString()}); "to" must not be before "from".`,
      { argument: "filter" },
    );
  }
  let countryCode: string | null = null;
  if (filter.countryCode != null) {
    countryCode = filter.countryCode.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(countryCode)) {
      throw badUserInput(`"${filter.countryCode}" is not a country code; use an ISO 3166-1 alpha-2 code such as "JP".`, { argument: "countryCode" });
    }
  }
  let regionCode: string | null = null;
  if (filter.regionCode != null) {
    regionCode = filter.regionCode.trim().toUpperCase();
    if ((countryCode === null || countryCode === "US") && !US_STATES[regionCode]) {
      throw badUserInput(`"${filter.regionCode}" is not a US state code; use a USPS code such as "MN".`, { argument: "regionCode" });
    }
  }
  return { ...filter, countryCode, regionCode };
}

/**
 * Checks a calendar filter and returns a builder of the query that selects the events it matches
 * (aliased `e`): events that overlap the window [from, to] (an event running on `from` counts);
 * cancelled events are left out unless asked for.
 */
export function eventsMatching(dataSource: DataSource, rawFilter: EventFilterValues): () => SelectQueryBuilder<Event> {
  const filter = checkEventFilter(rawFilter);
  const kinds = provenanceKinds(filter.provenance);
  return () => {
    const q = dataSource.getRepository(Event).createQueryBuilder("e");
    if (filter.from) q.andWhere("e.ends_at >= :from", { from: filter.from });
    if (filter.to) q.andWhere("e.starts_at <= :to", { to: filter.to });
    if (filter.kinds?.length) q.andWhere("e.kind IN (:...kinds)", { kinds: filter.kinds });
    if (filter.countryCode) q.andWhere("e.host_country_code = :countryCode", { countryCode: filter.countryCode });
    if (filter.regionCode) q.andWhere("e.host_region_code = :regionCode", { regionCode: filter.regionCode });
    if (!filter.includeCancelled) q.andWhere("e.cancelled_at IS NULL");
    if (kinds) q.andWhere("e.provenance_kind = ANY(:provenanceKinds)", { provenanceKinds: kinds });
    return q;
  };
}

/**
 * The calendar: the events a filter matches, in the page's order (ties by id), one keyset page at
 * a time (the page plus one row, to tell whether another follows), and a deferred count.
 */
export async function findEvents(dataSource: DataSource, filter: EventFilterValues, page: OrderedPage<Event>) {
  const base = eventsMatching(dataSource, filter);
  const rows = page.limit === 0 ? [] : await applyOrderedPage(base(), page, "e.id").getMany();
  return { rows, count: () => base().getCount() };
}

/** Which column an owner's event list is keyed by. */
export type EventOwnerColumn = "host_community_id" | "organizer_id" | "program_id";

export interface OwnerListArgs {
  /** UPCOMING: events not yet over, soonest first; PAST: events that are over, latest first; ALL: all, in calendar order (earliest first). */
  when: EventTime;
  limit: number;
}

/**
 * Checks an owner's event list arguments: `first` 0 to 500 (20 by default) like a connection's;
 * `when` UPCOMING by default. The deprecated `upcoming` flag, when given, still decides (true:
 * UPCOMING, false: PAST).
 */
export function ownerListArgs(when: EventTime | null | undefined, first: number | null | undefined, upcoming?: boolean | null): OwnerListArgs {
  const chosen = upcoming == null ? when ?? EventTime.UPCOMING : upcoming ? EventTime.UPCOMING : EventTime.PAST;
  return { when: chosen, limit: parsePage({ first }).limit };
}

/**
 * The events of many owners (host communities, organizers or programs) in ONE statement: each
 * owner's first `limit` events, ranked by a window function. Cancelled events are left out.
 */
export async function findEventsOfOwners(dataSource: DataSource, column: EventOwnerColumn, ownerIds: readonly string[], args: OwnerListArgs) {
  const ids = ownerIds.filter(isUuid).map((id) => id.toLowerCase());
  if (ids.length === 0 || args.limit === 0) return [];
  const direction = args.when === EventTime.PAST ? "DESC" : "ASC";
  const time = { [EventTime.ALL]: "", [EventTime.UPCOMING]: "AND ends_at >= now()", [EventTime.PAST]: "AND ends_at < now()" }[args.when];
  return dataSource
    .getRepository(Event)
    .createQueryBuilder("e")
    .where(
      `e.id IN (SELECT ranked.id FROM (
         SELECT id, row_number() OVER (PARTITION BY ${column} ORDER BY starts_at ${direction}, id ${direction}) AS position
         FROM events.event WHERE ${column} = ANY(:ownerIds) AND cancelled_at IS NULL ${time}
       ) ranked WHERE ranked.position <= :limit)`,
      { ownerIds: ids, limit: args.limit },
    )
    .orderBy("e.starts_at", direction)
    .addOrderBy("e.id", direction)
    .getMany();
}
