import { createGroupLoader, createKeyLoader, loaderFamily, OrderDirection, readQuery, type OrderedPage } from "@scg/shared";
import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { partnershipCounts } from "../domain/partnership-queries.js";
import { Partnership } from "../entities/partnership.entity.js";
import { Signature } from "../entities/signature.entity.js";
import { StatusChange } from "../entities/status-change.entity.js";

const PARTNERSHIP_TABLE = `"partnerships"."partnership"`;

/**
 * Counts partnerships per community (either side) in one statement: each
 * partnership counts once for each side that matches (the two sides never share a community or a
 * country, so nothing is counted twice). Keys without partnerships count 0.
 */
function countBySide(dataSource: DataSource, column: "id") {
  return async (keys: readonly string[]): Promise<number[]> => {
    const rows = await readQuery<{ key: string; count: number }>(
      dataSource,
      `SELECT s.key, count(*)::int AS count FROM (
         SELECT "community_a_${column}" AS key FROM ${PARTNERSHIP_TABLE} WHERE "community_a_${column}" = ANY($1)
         UNION ALL
         SELECT "community_b_${column}" FROM ${PARTNERSHIP_TABLE} WHERE "community_b_${column}" = ANY($1)
       ) AS s GROUP BY s.key`,
      [keys],
    );
    const counts = new Map(rows.map((row) => [row.key.trim(), row.count]));
    return keys.map((key) => counts.get(key) ?? 0);
  };
}

/** One loader per access path; a new set for every request (never shared across callers). */
export function createLoaders(dataSource: DataSource) {
  const partnerships = dataSource.getRepository(Partnership);

  const partnershipById = createKeyLoader(
    (ids: readonly string[]) => partnerships.findBy({ id: In([...ids]) }),
    (partnership) => partnership.id,
  );

  /** Every partnership of each community (either side), ordered by id; primes partnershipById. */
  const partnershipsByCommunityId = createGroupLoader(
    async (ids: readonly string[]) => {
      const rows = await partnerships
        .createQueryBuilder("p")
        .where("p.community_a_id = ANY(:ids) OR p.community_b_id = ANY(:ids)", { ids: [...ids] })
        .orderBy("p.id", "ASC")
        .getMany();
      for (const row of rows) partnershipById.prime(row.id, row);
      return rows;
    },
    (partnership) => partnership.communityIds,
  );

  /**
   * A page of each country's partnerships, in the page's order. One loader per page shape (order,
   * limit and cursor), so a request asking the same page of several countries sends one statement:
   * a lateral top-N per country inside `id IN (…)`, then the rows are regrouped and ordered here.
   * Each country's top-N is the merge of two top-Ns, one per side (a partnership's two sides are
   * never in the same country, so nothing comes twice): each is an ordered scan of its side's index
   * (country, partner name, id) for the default order, never a sort of all the country's rows.
   * The codes are bpchar, as the columns are: compared as text, no index would serve.
   */
  const partnershipPageByCountryCode = loaderFamily(
    (page: OrderedPage<Partnership>) => {
      const { key, direction } = page;
      const inner = key.expression.replaceAll("p.", "x.");
      const comparison = direction === OrderDirection.ASC ? ">" : "<";
      const after = page.after ? `AND (${inner}, x.id) ${comparison} (CAST(:afterKey AS ${key.cast}), CAST(:afterId AS uuid))` : "";
      return new DataLoader<string, Partnership[]>(async (codes) => {
        const rows = await partnerships
          .createQueryBuilder("p")
          .where(
            `p.id IN (SELECT top.id FROM unnest(CAST(:codes AS bpchar[])) AS k(code) CROSS JOIN LATERAL (
               SELECT u.id FROM (${["a", "b"]
                 .map(
                   (side) => `(SELECT x.id, ${inner} AS sort_key FROM ${PARTNERSHIP_TABLE} x
                     WHERE x.community_${side}_country = k.code ${after}
                     ORDER BY ${inner} ${direction}, x.id ${direction} LIMIT :limit)`,
                 )
                 .join(" UNION ALL ")}) AS u
               ORDER BY u.sort_key ${direction}, u.id ${direction} LIMIT :limit) AS top)`,
            { codes: [...codes], limit: page.limit + 1, ...(page.after ? { afterKey: page.after[0], afterId: page.after[1] } : {}) },
          )
          .getMany();
        for (const row of rows) partnershipById.prime(row.id, row);
        const sign = direction === OrderDirection.ASC ? 1 : -1;
        const compare = (a: Partnership, b: Partnership) => {
          const [ka, kb] = [key.value(a), key.value(b)];
          return sign * (ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
        };
        return codes.map((code) => rows.filter((p) => p.communityACountry === code || p.communityBCountry === code).sort(compare).slice(0, page.limit + 1));
      });
    },
    (page) => JSON.stringify([page.key.field, page.direction, page.limit, page.after]),
  );

  return {
    partnershipById,
    partnershipsByCommunityId,
    partnershipPageByCountryCode,
    partnershipCountByCommunityId: new DataLoader<string, number>(countBySide(dataSource, "id")),
    // A country's count is large at scale (Japan: 32,100 at factor 100) and asked on every country
    // page: remembered per country until the table changes (ExactCounts), one statement a batch.
    partnershipCountByCountryCode: new DataLoader<string, number>((codes) =>
      partnershipCounts.countMany(
        dataSource,
        codes.map((code) => partnerships.createQueryBuilder("p").where("p.community_a_country = :code OR p.community_b_country = :code", { code })),
      ),
    ),
    signaturesByPartnershipId: createGroupLoader(
      (ids: readonly string[]) =>
        dataSource.getRepository(Signature).find({ where: { partnershipId: In([...ids]) }, order: { provenance: { enteredAt: "ASC" }, communityId: "ASC" } }),
      (signature) => signature.partnershipId,
    ),
    statusHistoryByPartnershipId: createGroupLoader(
      (ids: readonly string[]) =>
        dataSource.getRepository(StatusChange).find({ where: { partnershipId: In([...ids]) }, order: { changedAt: "ASC", id: "ASC" } }),
      (change) => change.partnershipId,
    ),
  };
}

export type PartnershipsLoaders = ReturnType<typeof createLoaders>;
