import { Client } from "pg";

/**
 * What the rotating workloads are drawn from, read from the seeded bench database itself so the
 * rotation follows the data (a re-import changes it). Synthetic rows (`npm run seed:scale`) are
 * left out: the scale mode draws its rotation from the real data and sends it to both sizes.
 */
export interface TrafficData {
  /** US communities with at least one partnership; weight = their partnerships (any status). */
  usCommunities: { slug: string; partnerships: number }[];
  /** Countries by the partnerships with a community there, the US side not counted (see rotations.ts). */
  partnerCountries: { code: string; partnerships: number }[];
  /** Communities with partnerships, their folded name (what search matches) and country. */
  namedCommunities: { searchText: string; countryCode: string; partnerships: number }[];
  /** Host countries of the events from `eventsFrom` on (not cancelled). */
  eventCountries: { code: string; events: number }[];
  /** (age group, active area) pairs by the programs that have both. */
  programFilters: { ageGroup: string; area: string; programs: number }[];
  /** The calendar's window start: midnight UTC of the day the data was read. */
  eventsFrom: string;
}

const NOT_SYNTHETIC = "provenance_kind <> 'SYNTHETIC'";

/** Reads the distributions from `databaseUrl` (a database prepared by the bench). */
export async function readTrafficData(databaseUrl: string, now = new Date()): Promise<TrafficData> {
  const eventsFrom = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const sides = `
      SELECT community_a_id AS community_id, community_a_country AS country FROM partnerships.partnership WHERE ${NOT_SYNTHETIC}
      UNION ALL
      SELECT community_b_id, community_b_country FROM partnerships.partnership WHERE ${NOT_SYNTHETIC}`;
    const usCommunities = await client.query<{ slug: string; partnerships: number }>(
      `SELECT c.slug, count(*)::int AS partnerships
         FROM (${sides}) s JOIN directory.community c ON c.id = s.community_id
        WHERE c.country_code = 'US' AND c.${NOT_SYNTHETIC}
        GROUP BY c.slug ORDER BY partnerships DESC, c.slug`,
    );
    const partnerCountries = await client.query<{ code: string; partnerships: number }>(
      `SELECT country AS code, count(*)::int AS partnerships FROM (${sides}) s
        WHERE country <> 'US' GROUP BY country ORDER BY partnerships DESC, country`,
    );
    const namedCommunities = await client.query<{ searchText: string; countryCode: string; partnerships: number }>(
      `SELECT c.search_text AS "searchText", c.country_code AS "countryCode", count(*)::int AS partnerships
         FROM (${sides}) s JOIN directory.community c ON c.id = s.community_id
        WHERE c.${NOT_SYNTHETIC}
        GROUP BY c.id, c.search_text, c.country_code ORDER BY partnerships DESC, c.search_text, c.id`,
    );
    const eventCountries = await client.query<{ code: string; events: number }>(
      `SELECT host_country_code AS code, count(*)::int AS events FROM events.event
        WHERE ${NOT_SYNTHETIC} AND starts_at >= $1 AND cancelled_at IS NULL AND host_country_code IS NOT NULL
        GROUP BY host_country_code ORDER BY events DESC, code`,
      [eventsFrom],
    );
    const programFilters = await client.query<{ ageGroup: string; area: string; programs: number }>(
      `SELECT g AS "ageGroup", a AS area, count(*)::int AS programs
         FROM programs.program, unnest(age_groups) g, unnest(areas) a
        WHERE ${NOT_SYNTHETIC} GROUP BY g, a ORDER BY programs DESC, g, a`,
    );
    return {
      usCommunities: usCommunities.rows,
      partnerCountries: partnerCountries.rows.map((row) => ({ ...row, code: row.code.trim() })),
      namedCommunities: namedCommunities.rows.map((row) => ({ ...row, countryCode: row.countryCode.trim() })),
      eventCountries: eventCountries.rows.map((row) => ({ ...row, code: row.code.trim() })),
      programFilters: programFilters.rows,
      eventsFrom,
    };
  } finally {
    await client.end();
  }
}
