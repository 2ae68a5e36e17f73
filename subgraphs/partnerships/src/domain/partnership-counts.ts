import type { Logger } from "@scg/shared";
import type { DataSource } from "typeorm";
import type { CommunityDirectory } from "./community-directory.js";

/**
 * Counts the partnerships (any status) of `communityIds` and sends the counts to the directory,
 * which orders communities by them. A directory that cannot take them does not undo the write
 * that changed them: the miss is logged, and the next write for the community sends its count again.
 */
export async function reportPartnershipCounts(
  dataSource: DataSource,
  directory: CommunityDirectory,
  communityIds: readonly string[],
  log: Pick<Logger, "warn">,
): Promise<void> {
  // dataSource.query runs on the primary: the counts must include the write that just committed.
  const rows: { id: string; count: number }[] = await dataSource.query(
    `SELECT ids.id::text AS id, (SELECT count(*)::int FROM "partnerships"."partnership" p WHERE p.community_a_id = ids.id OR p.community_b_id = ids.id) AS count
     FROM unnest($1::uuid[]) AS ids(id)`,
    [communityIds],
  );
  try {
    await directory.recordPartnershipCounts(rows.map((row) => ({ communityId: row.id, count: Number(row.count) })));
  } catch (error) {
    log.warn({ err: error, communityIds }, "the directory did not take the new partnership counts; its PARTNERSHIP_COUNT order lags until the next write");
  }
}
