import { isoDate, isUuid, parsePage } from "@scg/shared";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { ProgramsContext } from "../context.js";
import { findPrograms } from "../domain/program-queries.js";
import { createProgram } from "../domain/program-writes.js";
import { Exchange } from "../entities/exchange.entity.js";
import { Program } from "../entities/program.entity.js";
import { OrganizationRef, PartnershipRef } from "../entities/references.js";
import { ProgramConnection } from "./connections.js";
import { ProgramFilter } from "./program-filter.input.js";
import { CreateProgramInput } from "./program.input.js";

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => Program, { nullable: true, description: "One program by id; null when unknown." })
  program(@Ctx() { loaders }: ProgramsContext, @Arg("id", () => ID) id: string): Promise<Program | null> | null {
    return isUuid(id) ? loaders.programById.load(id.toLowerCase()) : null;
  }

  @Query(() => ProgramConnection, { description: "Programs of every partnership, ordered by start date, a page at a time." })
  async programs(
    @Ctx() { dataSource }: ProgramsContext,
    @Arg("filter", () => ProgramFilter, { nullable: true }) filter?: ProgramFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size: 20 by default, at most 500." }) first?: number | null,
    @Arg("after", () => String, { nullable: true, description: "Continue after this cursor." }) after?: string | null,
  ) {
    const page = parsePage({ first, after }, 2);
    const { rows, count } = findPrograms(dataSource, filter ?? {}, page);
    return ProgramConnection.of(page, await rows, (p) => [p.startsOn, p.id], count);
  }

  @FieldResolver(() => PartnershipRef, { description: "The partnership the program runs in." })
  partnership(@Root() program: Program): PartnershipRef {
    return { id: program.partnershipId };
  }

  @FieldResolver(() => OrganizationRef, { nullable: true, description: "The organization that organizes it, if one was named." })
  organizer(@Root() program: Program): OrganizationRef | null {
    return program.organizerId ? { id: program.organizerId } : null;
  }

  @FieldResolver(() => [Exchange], { description: "The trips that carry it out, by departure date." })
  exchanges(@Root() program: Program, @Ctx() { loaders }: ProgramsContext): Promise<Exchange[]> {
    return loaders.exchangesByProgramId.load(program.id);
  }

  @Mutation(() => Program, {
    description:
      "Publishes a program in an ACTIVE partnership. Staff, or an admin of one of the partnership's two communities (and of the organizer, if one is named).",
  })
  createProgram(@Ctx() { dataSource, remote, identity }: ProgramsContext, @Arg("input", () => CreateProgramInput) input: CreateProgramInput): Promise<Program> {
    return createProgram(dataSource, remote, identity, {
      ...input,
      startsOn: isoDate(input.startsOn),
      endsOn: input.endsOn == null ? null : isoDate(input.endsOn),
    });
  }
}
