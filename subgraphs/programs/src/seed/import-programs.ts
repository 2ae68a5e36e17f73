import type { Logger, SeedOptions } from "@scg/shared";
import { generateSamplePrograms, SAMPLE_PROVENANCE } from "@scg/shared/data";
import type { DataSource, EntityManager } from "typeorm";
import { Exchange } from "../entities/exchange.entity.js";
import { NetworkProgram } from "../entities/network-program.entity.js";
import { Program } from "../entities/program.entity.js";
import { NETWORK_PROGRAMS } from "./network-programs.js";

export interface ProgramsImportReport {
  programs: number;
  exchanges: number;
  networkPrograms: number;
}

/** The seed the importer generates the sample with; change it and every sample id changes. */
export const SAMPLE_SEED = 1956;

const CHUNK = 500;

async function upsert(manager: EntityManager, target: Function, rows: object[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.upsert(target, rows.slice(i, i + CHUNK) as never, { conflictPaths: ["id"], skipUpdateIfNoValuesChanged: true });
  }
}

/**
 * Loads the network's real Youth Leadership Summits and, when `sample` is set (the development
 * profile only), the generated sample of programs and exchanges over the real partnerships (every
 * row SAMPLE), in one transaction. Ids are derived from natural keys and the sample is
 * deterministic, so re-running changes nothing; rows members created are never touched.
 */
export async function importPrograms(dataSource: DataSource, log: Pick<Logger, "info">, { sample: withSample }: SeedOptions): Promise<ProgramsImportReport> {
  const sample = withSample ? generateSamplePrograms(SAMPLE_SEED) : [];
  const programs = sample.map((p) => ({
    id: p.id, partnershipId: p.partnershipId, communityIds: [...p.communityIds], countryCodes: [...new Set(p.countryCodes)],
    organizerId: p.organizerId, title: p.title, description: p.description, areas: p.areas, ageGroups: p.ageGroups,
    startsOn: p.startsOn, endsOn: p.endsOn, provenance: SAMPLE_PROVENANCE,
  }));
  const exchanges = sample.flatMap((p) => p.exchanges.map(({ source: _marker, ...e }) => ({ ...e, ageGroups: [...e.ageGroups], provenance: SAMPLE_PROVENANCE })));
  const network = NETWORK_PROGRAMS.map((n) => ({ ...n, areas: [...n.areas], ageGroups: [...n.ageGroups] }));
  await dataSource.transaction(async (manager) => {
    await upsert(manager, Program, programs);
    await upsert(manager, Exchange, exchanges);
    await upsert(manager, NetworkProgram, network);
  });
  log.info(`programs: ${programs.length} sample programs, ${exchanges.length} sample exchanges, ${network.length} network programs`);
  return { programs: programs.length, exchanges: exchanges.length, networkPrograms: network.length };
}
