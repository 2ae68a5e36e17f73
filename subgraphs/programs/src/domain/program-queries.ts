import { applyOrderedPage, badUserInput, provenanceKinds, type ActiveArea, type AgeGroup, type OrderedPage, type ProvenanceKind, type SortKey } from "@scg/shared";
import type { DataSource, SelectQueryBuilder } from "typeorm";
import { Program } from "../entities/program.entity.js";
import { ProgramStatus, todayIso } from "../entities/program-status.js";

export interface ProgramFilterValues {
  areas?: ActiveArea[] | null;
  ageGroups?: AgeGroup[] | null;
  countryCode?: string | null;
  status?: ProgramStatus[] | null;
  provenance?: ProvenanceKind[] | null;
}

/**
 * Adds "status is one of `statuses`" to a query over programs aliased `alias`. Statuses are
 * derived from the dates (see ProgramStatus), against `today` passed as a parameter so the
 * database and this process agree on the day whatever the server's time zone.
 */
export function whereStatusIn<T extends object>(q: SelectQueryBuilder<T>, alias: string, statuses: readonly ProgramStatus[], today = todayIso()) {
  const wanted = new Set(statuses);
  if (wanted.size === 0 || wanted.size === 3) return q;
  const conditions: string[] = [];
  if (wanted.has(ProgramStatus.PLANNED)) conditions.push(`${alias}.starts_on > :today`);
  if (wanted.has(ProgramStatus.RUNNING)) conditions.push(`(${alias}.starts_on <= :today AND (${alias}.ends_on IS NULL OR ${alias}.ends_on >= :today))`);
  if (wanted.has(ProgramStatus.COMPLETED)) conditions.push(`${alias}.ends_on < :today`);
  return q.andWhere(`(${conditions.join(" OR ")})`, { today });
}

function checkCountryCode(code: string): string {
  const normalized = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(normalized)) {
    throw badUserInput(`"${code}" is not a country code; use an ISO 3166-1 alpha-2 code such as "JP".`, { argument: "countryCode" });
  }
  return normalized;
}

export enum ProgramOrderField {
  TITLE = "TITLE",
  STARTS_ON = "STARTS_ON",
}

/** The sort key of an order: the title in byte order, or the first day (both indexed with id). */
export function programSortKey(field: ProgramOrderField): SortKey<Program> {
  return field === ProgramOrderField.TITLE
    ? { field, expression: `(p.title COLLATE "C")`, value: (row) => row.title, cast: "text" }
    : { field, expression: "p.starts_on", value: (row) => row.startsOn, cast: "date" };
}

/**
 * Checks a program filter and returns a builder of the query that selects the programs it matches
 * (aliased `p`). `areas` and `ageGroups` match programs having any of the given values; filters
 * given together all apply. An empty list is no filter. `countryCode` matches programs whose
 * partnership has a community in that country (a well-formed code that no program has gives an
 * empty page: this subgraph does not own the list of countries).
 */
export function programsMatching(dataSource: DataSource, filter: ProgramFilterValues): () => SelectQueryBuilder<Program> {
  const countryCode = filter.countryCode == null ? null : checkCountryCode(filter.countryCode);
  const today = todayIso();
  const kinds = provenanceKinds(filter.provenance);
  return () => {
    const q = dataSource.getRepository(Program).createQueryBuilder("p");
    if (kinds) q.andWhere("p.provenance_kind = ANY(:kinds)", { kinds });
    if (filter.areas?.length) q.andWhere("p.areas && :areas", { areas: filter.areas });
    if (filter.ageGroups?.length) q.andWhere("p.age_groups && :ageGroups", { ageGroups: filter.ageGroups });
    if (countryCode) q.andWhere("p.country_codes && :countryCodes", { countryCodes: [countryCode] });
    if (filter.status?.length) whereStatusIn(q, "p", filter.status, today);
    return q;
  };
}

/**
 * The programs that match a filter, in the page's order (ties by id), one keyset page at a time
 * (rows for the page plus one, to tell whether another page follows), and a deferred count.
 */
export function findPrograms(dataSource: DataSource, filter: ProgramFilterValues, page: OrderedPage<Program>) {
  const base = programsMatching(dataSource, filter);
  return {
    rows: page.limit === 0 ? Promise.resolve([] as Program[]) : applyOrderedPage(base(), page, "p.id").getMany(),
    count: () => base().getCount(),
  };
}
