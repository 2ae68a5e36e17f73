import { createGroupLoader, createKeyLoader, loaderFamily } from "@scg/shared";
import { In, type DataSource } from "typeorm";
import { whereStatusIn } from "../domain/program-queries.js";
import { Exchange } from "../entities/exchange.entity.js";
import { NetworkProgram } from "../entities/network-program.entity.js";
import { Program } from "../entities/program.entity.js";
import { ProgramStatus } from "../entities/program-status.js";

/** One loader per access path; a new set for every request (never shared across callers). */
export function createLoaders(dataSource: DataSource) {
  const programs = dataSource.getRepository(Program);
  const exchanges = dataSource.getRepository(Exchange);
  const networkPrograms = dataSource.getRepository(NetworkProgram);

  // Partnership.programs(status) takes an argument: one loader per distinct status set, so every
  // partnership asked with the same statuses in one request shares one statement.
  const byStatuses = loaderFamily((wanted: readonly ProgramStatus[]) =>
    createGroupLoader(
      (ids: readonly string[]) =>
        whereStatusIn(programs.createQueryBuilder("p").where("p.partnership_id IN (:...ids)", { ids }), "p", wanted)
          .orderBy("p.starts_on", "ASC")
          .addOrderBy("p.id", "ASC")
          .getMany(),
      (program) => program.partnershipId,
    ),
  );
  const programsByPartnershipId = (statuses: readonly ProgramStatus[] | null | undefined) => byStatuses([...new Set(statuses ?? [])].sort());

  return {
    programById: createKeyLoader(
      (ids: readonly string[]) => programs.findBy({ id: In([...ids]) }),
      (program) => program.id,
    ),
    programsByPartnershipId,
    programsByOrganizerId: createGroupLoader(
      (ids: readonly string[]) => programs.find({ where: { organizerId: In([...ids]) }, order: { startsOn: "ASC", id: "ASC" } }),
      (program) => program.organizerId!,
    ),
    exchangeById: createKeyLoader(
      (ids: readonly string[]) => exchanges.findBy({ id: In([...ids]) }),
      (exchange) => exchange.id,
    ),
    exchangesByProgramId: createGroupLoader(
      (ids: readonly string[]) => exchanges.find({ where: { programId: In([...ids]) }, order: { departsOn: "ASC", id: "ASC" } }),
      (exchange) => exchange.programId,
    ),
    networkProgramById: createKeyLoader(
      (ids: readonly string[]) => networkPrograms.findBy({ id: In([...ids]) }),
      (program) => program.id,
    ),
    networkProgramsByOrganizerId: createGroupLoader(
      (ids: readonly string[]) => networkPrograms.find({ where: { organizerId: In([...ids]) }, order: { startsOn: "ASC", id: "ASC" } }),
      (program) => program.organizerId,
    ),
  };
}

export type ProgramsLoaders = ReturnType<typeof createLoaders>;
