import { badUserInput, provenanceKinds, type ActiveArea, type AgeGroup, type Page, type ProvenanceKind } from "@scg/shared";
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

/**
 * The programs that match a filter, ordered by start date then id, one keyset page at a time
 * (rows for the page plus one, to tell whether another page follows), and their count.
 * `areas` and `ageGroups` match programs having any of the given values; filters given together
 * all apply. An empty list is no filter. `countryCode` matches programs whose partnership has a
 * community in that country (a well-formed code that no program has gives an empty page: this
 * subgraph does not own the list of countries).
 */
export function findPrograms(dataSource: DataSource, filter: ProgramFilterValues, page: Page) {
  const countryCode = filter.countryCode == null ? null : checkCountryCode(filter.countryCode);
  const today = todayIso();
  const kinds = provenanceKinds(filter.provenance);
  const base = (): SelectQueryBuilder<Program> => {
    const q = dataSource.getRepository(Program).createQueryBuilder("p");
    if (kinds) q.andWhere("p.provenance_kind = ANY(:kinds)", { kinds });
    if (filter.areas?.length) q.andWhere("p.areas && :areas", { areas: filter.areas });
    if (filter.ageGroups?.length) q.andWhere("p.age_groups && :ageGroups", { ageGroups: filter.ageGroups });
    if (countryCode) q.andWhere("p.country_codes && :countryCodes", { countryCodes: [countryCode] });
    if (filter.status?.length) whereStatusIn(q, "p", filter.status, today);
    return q;
  };
  const rowsQuery = base().orderBy("p.starts_on", "ASC").addOrderBy("p.id", "ASC").limit(page.limit + 1);
  if (page.after) {
    const [startsOn, id] = page.after.map(String);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startsOn) || !/^[0-9a-f-]{36}$/.test(id)) {
      throw badUserInput(`The cursor is not valid here; pass an endCursor or cursor from this same query.`, { argument: "after" });
    }
    rowsQuery.andWhere("(p.starts_on, p.id) > (CAST(:afterStartsOn AS date), CAST(:afterId AS uuid))", { afterStartsOn: startsOn, afterId: id });
  }
  return {
    rows: page.limit === 0 ? Promise.resolve([] as Program[]) : rowsQuery.getMany(),
    count: () => base().getCount(),
  };
}
