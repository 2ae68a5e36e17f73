import { badUserInput, isUuid, parsePage, provenanceKinds, US_STATES, type Page, type ProvenanceKind } from "@scg/shared";
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

/** The cursor of an event in a calendar ordered by start: its start instant and id. */
export const eventCursor = (event: Event): [string, string] => [event.startsAt.toISOString(), event.id];

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
 * The calendar: events that overlap the window [from, to] (an event running on `from` counts),
 * ordered by start then id, one keyset page at a time (the page plus one row, to tell whether
 * another follows), and a deferred count. Cancelled events are left out unless asked for.
 */
export async function findEvents(dataSource: DataSource, rawFilter: EventFilterValues, page: Page) {
  const filter = checkEventFilter(rawFilter);
  const kinds = provenanceKinds(filter.provenance);
  const base = (): SelectQueryBuilder<Event> => {
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
  const rowsQuery = base().orderBy("e.starts_at", "ASC").addOrderBy("e.id", "ASC").limit(page.limit + 1);
  if (page.after) {
    const [startsAt, id] = page.after;
    const after = new Date(String(startsAt));
    if (Number.isNaN(after.getTime())) throw badUserInput(`The cursor does not belong to the events calendar.`, { argument: "after" });
    rowsQuery.andWhere("(e.starts_at, e.id) > (:afterStartsAt, :afterId)", { afterStartsAt: after, afterId: String(id) });
  }
  const rows = page.limit === 0 ? [] : await rowsQuery.getMany();
  return { rows, count: () => base().getCount() };
}

/** Which column an owner's event list is keyed by. */
export type EventOwnerColumn = "host_community_id" | "organizer_id" | "program_id";

export interface OwnerListArgs {
  /** true: events not yet over, soonest first; false: events that are over, latest first; null: all, in calendar order (earliest first). */
  upcoming: boolean | null;
  limit: number;
}

/** Checks `first` of an owner's event list (0 to 500, default 20), like a connection's. */
export function ownerListArgs(upcoming: boolean | null | undefined, first: number | null | undefined): OwnerListArgs {
  return { upcoming: upcoming ?? null, limit: parsePage({ first }).limit };
}

/**
 * The events of many owners (host communities, organizers or programs) in ONE statement: each
 * owner's first `limit` events, ranked by a window function. Cancelled events are left out.
 */
export async function findEventsOfOwners(dataSource: DataSource, column: EventOwnerColumn, ownerIds: readonly string[], args: OwnerListArgs) {
  const ids = ownerIds.filter(isUuid).map((id) => id.toLowerCase());
  if (ids.length === 0 || args.limit === 0) return [];
  const direction = args.upcoming === false ? "DESC" : "ASC";
  const time = args.upcoming === null ? "" : args.upcoming ? `AND ends_at >= now()` : `AND ends_at < now()`;
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
