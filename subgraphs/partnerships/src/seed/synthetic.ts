import { countryRecord, foldText, type Logger } from "@scg/shared";
import { SYNTHETIC_PROVENANCE, writeInChunks, type SyntheticImportReport, type SyntheticNetwork } from "@scg/shared/data";
import type { DataSource } from "typeorm";
import { PartnershipStatus } from "../entities/partnership-status.js";

/** `changed_by` of synthetic partnerships' history entries (the real import's is "import"). */
export const SYNTHETIC_CREATOR = "synthetic";

/**
 * Writes the synthetic network's partnerships as ACTIVE, with both sides' country and region codes
 * (side A the US member), each newly inserted one with its first status-history entry, like the
 * real import; every row SYNTHETIC. One transaction of 1,000-row
 * inserts; existing rows are left alone (ON CONFLICT DO NOTHING), so re-running adds nothing.
 */
export async function importSynthetic(dataSource: DataSource, network: SyntheticNetwork, log: Pick<Logger, "info">): Promise<SyntheticImportReport> {
  const { partnerships } = network;
  const nameOf = new Map(network.communities.map((c) => [c.id, foldText(c.name)]));
  return dataSource.transaction(async (manager) => {
    let historyAdded = 0;
    const partnershipsAdded = await writeInChunks(
      partnerships,
      async (chunk) => {
        const inserted: { id: string }[] = await manager.query(
          `INSERT INTO "partnerships"."partnership"
             ("id", "status", "community_a_id", "community_a_country", "community_a_region",
              "community_b_id", "community_b_country", "community_b_region", "established_year", "provenance_kind", "provenance_source",
              "community_a_sort_name", "community_b_sort_name", "community_a_world_region", "community_b_world_region")
           SELECT id, $1, a_id, a_country, a_region, b_id, b_country, b_region, established_year, 'SYNTHETIC', $2, a_name, b_name, a_world, b_world
           FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::text[], $10::int[],
                       $11::text[], $12::text[], $13::text[], $14::text[])
             AS data(id, a_id, a_country, a_region, b_id, b_country, b_region, established_year, a_name, b_name, a_world, b_world)
           ON CONFLICT DO NOTHING
           RETURNING "id"`,
          [
            PartnershipStatus.ACTIVE, SYNTHETIC_PROVENANCE.source, chunk.map((p) => p.id), chunk.map((p) => p.aId),
            chunk.map((p) => p.aCountry), chunk.map((p) => p.aRegion), chunk.map((p) => p.bId), chunk.map((p) => p.bCountry),
            chunk.map((p) => p.bRegion), chunk.map((p) => p.establishedYear), chunk.map((p) => nameOf.get(p.aId) ?? null),
            chunk.map((p) => nameOf.get(p.bId) ?? null), chunk.map((p) => countryRecord(p.aCountry).region), chunk.map((p) => countryRecord(p.bCountry).region),
          ],
        );
        if (inserted.length > 0) {
          // The history row's id is random, so it is written only for a partnership this run inserted.
          await manager.query(
            `INSERT INTO "partnerships"."status_change" ("partnership_id", "from_status", "to_status", "changed_by", "reason")
             SELECT id, NULL, $1, $2, 'Synthetic scale-test data (npm run seed:scale), not a real partnership.'
             FROM unnest($3::uuid[]) AS data(id)`,
            [PartnershipStatus.ACTIVE, SYNTHETIC_CREATOR, inserted.map((row) => row.id)],
          );
          historyAdded += inserted.length;
        }
        return inserted.length;
      },
      (done, total) => log.info(`partnerships: synthetic partnerships ${done}/${total}`),
    );
    return {
      "partnerships.partnership": { rows: partnerships.length, added: partnershipsAdded },
      "partnerships.status_change": { rows: partnerships.length, added: historyAdded },
    };
  });
}
