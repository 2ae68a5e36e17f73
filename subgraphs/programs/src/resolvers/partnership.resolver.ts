import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ProgramsContext } from "../context.js";
import { ProgramStatus } from "../entities/program-status.js";
import { Program } from "../entities/program.entity.js";
import { PartnershipRef } from "../entities/references.js";

/** Fields this subgraph adds to the partnerships subgraph's Partnership. */
@Resolver(() => PartnershipRef)
export class PartnershipProgramsResolver {
  @FieldResolver(() => [Program], { description: "The programs that run in this partnership, by start date." })
  programs(
    @Root() partnership: PartnershipRef,
    @Ctx() { loaders }: ProgramsContext,
    @Arg("status", () => [ProgramStatus], { nullable: true, description: "Only programs in any of these statuses (as of today)." })
    status?: ProgramStatus[] | null,
  ): Promise<Program[]> {
    return loaders.programsByPartnershipId(status).load(partnership.id);
  }
}
