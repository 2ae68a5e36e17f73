import { isoDate, isUuid, OrderDirection, orderedCursor, parseOrderedPage } from "@scg/shared";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { ProgramsContext } from "../context.js";
import { findPrograms, ProgramOrderField, programSortKey } from "../domain/program-queries.js";
import { createProgram } from "../domain/program-writes.js";
import { Exchange } from "../entities/exchange.entity.js";
import { Program } from "../entities/program.entity.js";
import { OrganizationRef, PartnershipRef } from "../entities/references.js";
import { ProgramConnection } from "./connections.js";
import { ProgramFilter } from "./program-filter.input.js";
import { ProgramOrder } from "./program-order.input.js";
import { CreateProgramInput } from "./program.input.js";

@Resolver(() => Program)
export class ProgramResolver {
  @Query(() => Program, { nullable: true, description: "One program by id; null when unknown." })
  program(@Ctx() { loaders }: ProgramsContext, @Arg("id", () => ID, { description: "The program's id." }) id: string): Promise<Program | null> | null {
    return isUuid(id) ? loaders.programById.load(id.toLowerCase()) : null;
  }

  @Query(() => ProgramConnection, { description: "Programs of every partnership, a page at a time, by start date unless `orderBy` says otherwise." })
  async programs(
    @Ctx() { dataSource }: ProgramsContext,
    @Arg("filter", () => ProgramFilter, { nullable: true, description: "Which programs (every field given must match)." }) filter?: ProgramFilter | null,
    @Arg("orderBy", () => ProgramOrder, { nullable: true, description: "The order (by default: STARTS_ON, ascending). Ties are broken by id." }) orderBy?: ProgramOrder | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size: 20 by default, at most 500." }) first?: number | null,
    @Arg("after", () => String, { nullable: true, description: "Continue after this cursor (an endCursor of the same query)." }) after?: string | null,
  ) {
    const page = parseOrderedPage({ first, after }, programSortKey(orderBy?.field ?? ProgramOrderField.STARTS_ON), orderBy?.direction ?? OrderDirection.ASC);
    const { rows, count } = findPrograms(dataSource, filter ?? {}, page);
    return ProgramConnection.of(page, await rows, (p) => orderedCursor(page, p), count);
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
  createProgram(@Ctx() { dataSource, remote, identity }: ProgramsContext, @Arg("input", () => CreateProgramInput, { description: "The new program." }) input: CreateProgramInput): Promise<Program> {
    return createProgram(dataSource, remote, identity, {
      ...input,
      startsOn: isoDate(input.startsOn),
      endsOn: input.endsOn == null ? null : isoDate(input.endsOn),
    });
  }
}
