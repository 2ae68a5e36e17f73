import { countryRecord, foldText, WORLD_COUNTRIES, type Logger } from "@scg/shared";
import { SYNTHETIC_PROVENANCE, writeInChunks, type SyntheticImportReport, type SyntheticNetwork } from "@scg/shared/data";
import type { DataSource } from "typeorm";
import { partnershipCounts, raisePartnershipCounts } from "./import-directory.js";

/**
 * Writes the synthetic network's communities (and any of their countries still missing) to the
 * directory, every community SYNTHETIC, in one transaction of 1,000-row inserts.
 * Rows that exist are left alone (ON CONFLICT DO NOTHING), so re-running adds nothing.
 */
export async function importSynthetic(dataSource: DataSource, network: SyntheticNetwork, log: Pick<Logger, "info">): Promise<SyntheticImportReport> {
  const countries = network.countries.map((c) => countryRecord(c.code, c.name));
  const { communities } = network;
  return dataSource.transaction(async (manager) => {
    const count = async (sql: string, parameters: unknown[]) => ((await manager.query(sql, parameters)) as unknown[]).length;
    // The real import has written every one of these countries; this matters only for a directory seeded without it.
    const countriesAdded = await writeInChunks(countries, (chunk) =>
      count(
        `INSERT INTO "directory"."country" ("code", "name", "region", "subregion", "provenance_kind", "provenance_source", "provenance_url",
                                            "provenance_licence", "provenance_retrieved_on")
         SELECT *, 'REAL', $5::text, $6::text, $7::text, $8::date FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
         ON CONFLICT DO NOTHING RETURNING 1`,
        [
          chunk.map((c) => c.code), chunk.map((c) => c.name), chunk.map((c) => c.region), chunk.map((c) => c.subregion),
          WORLD_COUNTRIES.source, WORLD_COUNTRIES.url, WORLD_COUNTRIES.licence, WORLD_COUNTRIES.retrievedOn,
        ],
      ),
    );
    const communitiesAdded = await writeInChunks(
      communities,
      (chunk) =>
        count(
          `INSERT INTO "directory"."community"
             ("id", "slug", "name", "search_text", "kind", "country_code", "region_code", "region", "latitude", "longitude",
              "provenance_kind", "provenance_source")
           SELECT *, 'SYNTHETIC', $11::text FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                                $9::float8[], $10::float8[])
           ON CONFLICT DO NOTHING RETURNING 1`,
          [
            chunk.map((c) => c.id), chunk.map((c) => c.slug), chunk.map((c) => c.name), chunk.map((c) => foldText(c.name)),
            chunk.map((c) => c.kind), chunk.map((c) => c.countryCode), chunk.map((c) => c.regionCode), chunk.map((c) => c.region),
            chunk.map((c) => c.latitude), chunk.map((c) => c.longitude), SYNTHETIC_PROVENANCE.source,
          ],
        ),
      (done, total) => log.info(`directory: synthetic communities ${done}/${total}`),
    );
    // The synthetic partnerships count as the partnerships subgraph will count them (its import writes the same list).
    await raisePartnershipCounts(manager, partnershipCounts(network.partnerships.map((p) => [p.aId, p.bId] as const)));
    return {
      "directory.country": { rows: countries.length, added: countriesAdded },
      "directory.community": { rows: communities.length, added: communitiesAdded },
    };
  });
}
