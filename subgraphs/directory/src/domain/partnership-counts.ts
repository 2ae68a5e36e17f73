import { badUserInput, checkId } from "@scg/shared";
import type { DataSource } from "typeorm";

const MAX_COUNTS = 100;

/**
 * Stores how many partnerships communities have (absolute counts, as the partnerships subgraph
 * counted them after a write); returns how many rows changed. Unknown ids change nothing.
 */
export async function recordPartnershipCounts(dataSource: DataSource, counts: readonly { communityId: string; count: number }[]): Promise<number> {
  if (counts.length > MAX_COUNTS) throw badUserInput(`At most ${MAX_COUNTS} counts at a time, but ${counts.length} were sent.`, { argument: "counts" });
  const ids = counts.map((c) => checkId(c.communityId, "counts", "a community"));
  if (counts.some((c) => !Number.isInteger(c.count) || c.count < 0)) throw badUserInput("A partnership count is a whole number, zero or more.", { argument: "counts" });
  const [{ changed }]: { changed: number }[] = await dataSource.query(
    `WITH changed AS (
       UPDATE "directory"."community" c SET "partnership_count" = n.count
       FROM unnest($1::uuid[], $2::int[]) AS n(id, count) WHERE c."id" = n.id AND c."partnership_count" <> n.count RETURNING 1)
     SELECT count(*)::int AS changed FROM changed`,
    [ids, counts.map((c) => c.count)],
  );
  return changed;
}
