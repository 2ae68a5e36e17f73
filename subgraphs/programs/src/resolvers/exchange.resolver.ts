import { isoDate } from "@scg/shared";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { ProgramsContext } from "../context.js";
import { scheduleExchange } from "../domain/program-writes.js";
import { Exchange } from "../entities/exchange.entity.js";
import { Program } from "../entities/program.entity.js";
import { CommunityRef } from "../entities/references.js";
import { ScheduleExchangeInput } from "./program.input.js";

@Resolver(() => Exchange)
export class ExchangeResolver {
  @FieldResolver(() => Program, { description: "The program the exchange carries out." })
  async program(@Root() exchange: Exchange, @Ctx() { loaders }: ProgramsContext): Promise<Program> {
    const program = await loaders.programById.load(exchange.programId);
    if (!program) throw new Error(`Exchange ${exchange.id} refers to missing program ${exchange.programId}`);
    return program;
  }

  @FieldResolver(() => CommunityRef, { description: "The community the group travels from." })
  fromCommunity(@Root() exchange: Exchange): CommunityRef {
    return { id: exchange.fromCommunityId };
  }

  @FieldResolver(() => CommunityRef, { description: "The community the group travels to." })
  toCommunity(@Root() exchange: Exchange): CommunityRef {
    return { id: exchange.toCommunityId };
  }

  @Mutation(() => Exchange, {
    description: "Schedules a trip of a program between the partnership's two communities. Staff, or an admin of one of them.",
  })
  scheduleExchange(
    @Ctx() { dataSource, identity }: ProgramsContext,
    @Arg("programId", () => ID, { description: "The program the exchange carries out." }) programId: string,
    @Arg("input", () => ScheduleExchangeInput, { description: "Who travels where, and when." }) input: ScheduleExchangeInput,
  ): Promise<Exchange> {
    return scheduleExchange(dataSource, identity, programId, {
      ...input,
      departsOn: isoDate(input.departsOn),
      returnsOn: isoDate(input.returnsOn),
    });
  }
}
