import type { Logger } from "@scg/shared";
import { SYNTHETIC_PROVENANCE, writeInChunks, type SyntheticImportReport, type SyntheticNetwork } from "@scg/shared/data";
import type { DataSource } from "typeorm";

/**
 * Writes the synthetic network's programs and their exchanges (every row SYNTHETIC,
 * shaped by the real sample's generator), in one transaction of 1,000-row inserts, programs first.
 * Existing rows are left alone (ON CONFLICT DO NOTHING), so re-running adds nothing.
 */
export async function importSynthetic(dataSource: DataSource, network: SyntheticNetwork, log: Pick<Logger, "info">): Promise<SyntheticImportReport> {
  const { programs } = network;
  const exchanges = programs.flatMap((p) => p.exchanges);
  return dataSource.transaction(async (manager) => {
    const count = async (sql: string, parameters: unknown[]) => ((await manager.query(sql, parameters)) as unknown[]).length;
    const programsAdded = await writeInChunks(
      programs,
      (chunk) =>
        count(
          // Arrays of arrays travel as JSON: unnest() would flatten a uuid[][] into single values.
          `INSERT INTO "programs"."program"
             ("id", "partnership_id", "community_ids", "country_codes", "organizer_id", "title", "description", "areas",
              "age_groups", "starts_on", "ends_on", "provenance_kind", "provenance_source")
           SELECT p.id, p.partnership_id,
                  ARRAY(SELECT jsonb_array_elements_text(p.community_ids))::uuid[],
                  ARRAY(SELECT jsonb_array_elements_text(p.country_codes)),
                  p.organizer_id, p.title, p.description,
                  ARRAY(SELECT jsonb_array_elements_text(p.areas)),
                  ARRAY(SELECT jsonb_array_elements_text(p.age_groups)),
                  p.starts_on, p.ends_on, 'SYNTHETIC', $2::text
           FROM jsonb_to_recordset($1::jsonb) AS p(
             id uuid, partnership_id uuid, community_ids jsonb, country_codes jsonb, organizer_id uuid, title text,
             description text, areas jsonb, age_groups jsonb, starts_on date, ends_on date)
           ON CONFLICT DO NOTHING RETURNING 1`,
          [
            JSON.stringify(
              chunk.map((p) => ({
                id: p.id, partnership_id: p.partnershipId, community_ids: p.communityIds, country_codes: [...new Set(p.countryCodes)],
                organizer_id: p.organizerId, title: p.title, description: p.description, areas: p.areas, age_groups: p.ageGroups,
                starts_on: p.startsOn, ends_on: p.endsOn,
              })),
            ),
            SYNTHETIC_PROVENANCE.source,
          ],
        ),
      (done, total) => log.info(`programs: synthetic programs ${done}/${total}`),
    );
    const exchangesAdded = await writeInChunks(
      exchanges,
      (chunk) =>
        count(
          `INSERT INTO "programs"."exchange"
             ("id", "program_id", "from_community_id", "to_community_id", "departs_on", "returns_on", "participant_count",
              "age_groups", "description", "provenance_kind", "provenance_source")
           SELECT e.id, e.program_id, e.from_community_id, e.to_community_id, e.departs_on, e.returns_on, e.participant_count,
                  ARRAY(SELECT jsonb_array_elements_text(e.age_groups)), e.description, 'SYNTHETIC', $2::text
           FROM jsonb_to_recordset($1::jsonb) AS e(
             id uuid, program_id uuid, from_community_id uuid, to_community_id uuid, departs_on date, returns_on date,
             participant_count int, age_groups jsonb, description text)
           ON CONFLICT DO NOTHING RETURNING 1`,
          [
            JSON.stringify(
              chunk.map((e) => ({
                id: e.id, program_id: e.programId, from_community_id: e.fromCommunityId, to_community_id: e.toCommunityId,
                departs_on: e.departsOn, returns_on: e.returnsOn, participant_count: e.participantCount, age_groups: e.ageGroups,
                description: e.description,
              })),
            ),
            SYNTHETIC_PROVENANCE.source,
          ],
        ),
      (done, total) => log.info(`programs: synthetic exchanges ${done}/${total}`),
    );
    return {
      "programs.program": { rows: programs.length, added: programsAdded },
      "programs.exchange": { rows: exchanges.length, added: exchangesAdded },
    };
  });
}
