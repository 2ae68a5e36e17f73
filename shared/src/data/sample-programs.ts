import type { ActiveArea, AgeGroup } from "../graphql/enums.js";

/**
 * The generated sample of programs (there is no public record of individual programs).
 * Owned by the programs subgraph's importer; the events importer reads the same sample to tie
 * delegation visits and festivals to programs. Deterministic: the same seed gives the same rows.
 * Every generated row is marked `source: "sample"`.
 */
export interface SampleProgram {
  id: string;
  partnershipId: string;
  /** The partnership's two communities: [US side, partner abroad]. */
  communityIds: [string, string];
  communitySlugs: [string, string];
  organizerId: string | null;
  title: string;
  description: string;
  areas: ActiveArea[];
  ageGroups: AgeGroup[];
  status: "PLANNED" | "RUNNING" | "COMPLETED";
  /** ISO dates (YYYY-MM-DD). */
  startsOn: string;
  endsOn: string | null;
  source: string;
}

/** Implemented by the programs issue; until then there is no sample. */
export function generateSamplePrograms(_seed = 1956): SampleProgram[] {
  return [];
}
