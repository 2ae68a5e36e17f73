import { administersCommunity, administersOrganization, badUserInput, checkNonEmpty, checkOptionalText, checkText, checkWholeNumber, conflict, entered, exchangeId, forbidden, isUuid, notFound, programId, requireIdentity, serviceUnavailable, type ActiveArea, type AgeGroup, type Identity } from "@scg/shared";
import type { DataSource } from "typeorm";
import { Exchange } from "../entities/exchange.entity.js";
import { Program } from "../entities/program.entity.js";
import type { RemoteChecks } from "./remote-checks.js";

export const MAX_TITLE_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 4000;
export const MAX_PARTICIPANTS = 10_000;

export interface CreateProgramValues {
  partnershipId: string;
  title: string;
  description?: string | null;
  areas: ActiveArea[];
  ageGroups: AgeGroup[];
  /** ISO dates (YYYY-MM-DD). */
  startsOn: string;
  endsOn?: string | null;
  organizerId?: string | null;
}

export interface ScheduleExchangeValues {
  fromCommunityId: string;
  toCommunityId: string;
  /** ISO dates (YYYY-MM-DD). */
  departsOn: string;
  returnsOn: string;
  participantCount: number;
  ageGroups: AgeGroup[];
  description?: string | null;
}

/**
 * Publishes a program in a partnership. The partnerships subgraph is asked whether the
 * partnership exists, is ACTIVE and which its two communities are; the caller must be staff or
 * an admin of one of them (and, to name an organizer, staff or an admin of that organization).
 * The directory is asked for the two communities' countries (what `countryCode` filters on) and
 * whether the organizer exists. Every check runs before the one-statement insert, so a refusal
 * writes nothing; the id derives from partnership, title and start date, so publishing the same
 * program twice (even concurrently) is a CONFLICT, not a duplicate.
 */
export async function createProgram(
  dataSource: DataSource,
  remote: RemoteChecks,
  identity: Identity | null,
  input: CreateProgramValues,
): Promise<Program> {
  const caller = requireIdentity(identity, "publish a program");
  if (!isUuid(input.partnershipId)) throw badUserInput(`"${input.partnershipId}" is not a partnership id.`, { argument: "partnershipId" });
  if (input.organizerId != null && !isUuid(input.organizerId)) {
    throw badUserInput(`"${input.organizerId}" is not an organization id.`, { argument: "organizerId" });
  }
  const title = checkText(input.title, "title", MAX_TITLE_LENGTH);
  const description = checkOptionalText(input.description, "description", MAX_DESCRIPTION_LENGTH) ?? "";
  const areas = checkNonEmpty(input.areas, "areas");
  const ageGroups = checkNonEmpty(input.ageGroups, "ageGroups");
  const endsOn = input.endsOn ?? null;
  if (endsOn !== null && endsOn < input.startsOn) {
    throw badUserInput(`The program cannot end on ${endsOn}, before it starts on ${input.startsOn}.`, { argument: "endsOn" });
  }

  const partnershipKey = input.partnershipId.toLowerCase();
  const partnership = await remote.findPartnership(partnershipKey, caller);
  if (!partnership) throw notFound(`No partnership with id "${input.partnershipId}" exists.`, { argument: "partnershipId" });
  if (partnership.status !== "ACTIVE") {
    throw conflict(
      `Partnership "${partnership.id}" is ${partnership.status}; programs can be published only in an ACTIVE partnership (signed by both communities).`,
      { argument: "partnershipId", status: partnership.status },
    );
  }
  if (partnership.communityIds.length !== 2) {
    throw serviceUnavailable(`The partnerships service answered with ${partnership.communityIds.length} communities for partnership "${partnership.id}"; please try again shortly.`);
  }
  if (!partnership.communityIds.some((community) => administersCommunity(caller, community))) {
    throw forbidden(`You may publish programs only in partnerships of communities you administer; partnership "${partnership.id}" is not one of them.`);
  }
  const organizerId = input.organizerId?.toLowerCase() ?? null;
  if (organizerId !== null && !administersOrganization(caller, organizerId)) {
    throw forbidden(`You may name as organizer only an organization you administer; you do not administer "${organizerId}".`);
  }

  const directory = await remote.askDirectory(partnership.communityIds, organizerId, caller);
  if (directory.organizationExists === false) throw badUserInput(`No organization with id "${organizerId}" is in the directory.`, { argument: "organizerId" });
  const countryCodes = partnership.communityIds.map((community) => directory.countryCodeByCommunityId.get(community));
  if (!countryCodes.every((code): code is string => typeof code === "string")) {
    throw serviceUnavailable(`The directory does not know both communities of partnership "${partnership.id}" yet; please try again shortly.`);
  }

  const program = dataSource.getRepository(Program).create({
    id: programId(partnership.id, title, input.startsOn),
    partnershipId: partnership.id,
    communityIds: partnership.communityIds,
    countryCodes: [...new Set(countryCodes)],
    organizerId,
    title,
    description,
    areas,
    ageGroups,
    startsOn: input.startsOn,
    endsOn,
    provenance: entered(caller.subject),
  });
  await dataSource.transaction(async (manager) => {
    const inserted = await manager.createQueryBuilder().insert().into(Program).values(program).orIgnore().returning(["id"]).execute();
    if ((inserted.raw as unknown[]).length === 0) {
      throw conflict(`Partnership "${partnership.id}" already has a program titled "${title}" starting on ${input.startsOn}.`, { argument: "title" });
    }
  });
  return program;
}

/**
 * Schedules one exchange of a program: a group travelling from one side of the partnership to
 * the other. The caller must be staff or an admin of one of the two communities. The group must
 * travel between the program's two communities, leave on or before it returns, within the
 * program's dates, with at least one participant of the program's age groups. The program row is
 * locked while the exchange is checked and written (one transaction), and the id derives from
 * program, departing community and date, so the same trip scheduled twice is a CONFLICT.
 */
export async function scheduleExchange(
  dataSource: DataSource,
  identity: Identity | null,
  programKey: string,
  input: ScheduleExchangeValues,
): Promise<Exchange> {
  const caller = requireIdentity(identity, "schedule an exchange");
  if (!isUuid(programKey)) throw notFound(`No program with id "${programKey}" exists.`, { argument: "programId" });
  return dataSource.transaction(async (manager) => {
    const program = await manager
      .getRepository(Program)
      .createQueryBuilder("p")
      .setLock("pessimistic_write")
      .where("p.id = :id", { id: programKey.toLowerCase() })
      .getOne();
    if (!program) throw notFound(`No program with id "${programKey}" exists.`, { argument: "programId" });
    if (!program.communityIds.some((community) => administersCommunity(caller, community))) {
      throw forbidden(`You may schedule exchanges only for programs of communities you administer; program "${program.title}" is not one of them.`);
    }
    const from = input.fromCommunityId.toLowerCase();
    const to = input.toCommunityId.toLowerCase();
    for (const [field, community] of [["fromCommunityId", from], ["toCommunityId", to]] as const) {
      if (!program.communityIds.includes(community)) {
        throw badUserInput(`Community "${community}" is not one of the two communities of the partnership program "${program.title}" runs in.`, { argument: field });
      }
    }
    if (from === to) throw badUserInput(`An exchange travels from one community of the partnership to the other, but both sides are "${from}".`, { argument: "toCommunityId" });
    if (input.returnsOn < input.departsOn) {
      throw badUserInput(`The group cannot return on ${input.returnsOn}, before it departs on ${input.departsOn}.`, { argument: "returnsOn" });
    }
    if (input.departsOn < program.startsOn) {
      throw badUserInput(`The exchange departs on ${input.departsOn}, before program "${program.title}" starts on ${program.startsOn}.`, { argument: "departsOn" });
    }
    if (program.endsOn !== null && input.returnsOn > program.endsOn) {
      throw badUserInput(`The exchange returns on ${input.returnsOn}, after program "${program.title}" ends on ${program.endsOn}.`, { argument: "returnsOn" });
    }
    checkWholeNumber(input.participantCount, "participantCount", 1, MAX_PARTICIPANTS);
    const ageGroups = checkNonEmpty(input.ageGroups, "ageGroups");
    const foreign = ageGroups.filter((group) => !program.ageGroups.includes(group));
    if (foreign.length > 0) {
      throw badUserInput(`Program "${program.title}" serves ${program.ageGroups.join(", ")}, not ${foreign.join(", ")}.`, { argument: "ageGroups" });
    }
    const description = checkOptionalText(input.description, "description", MAX_DESCRIPTION_LENGTH) ?? "";

    const exchange = manager.getRepository(Exchange).create({
      id: exchangeId(program.id, from, input.departsOn),
      programId: program.id,
      fromCommunityId: from,
      toCommunityId: to,
      departsOn: input.departsOn,
      returnsOn: input.returnsOn,
      participantCount: input.participantCount,
      ageGroups,
      description,
      provenance: entered(caller.subject),
    });
    const inserted = await manager.createQueryBuilder().insert().into(Exchange).values(exchange).orIgnore().returning(["id"]).execute();
    if ((inserted.raw as unknown[]).length === 0) {
      throw conflict(`An exchange from community "${from}" departing on ${input.departsOn} is already scheduled for program "${program.title}".`);
    }
    return exchange;
  });
}
