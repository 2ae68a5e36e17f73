import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ProgramsContext } from "../context.js";
import { ProgramStatus } from "../entities/program-status.js";
import { Program } from "../entities/program.entity.js";
import { PartnershipRef } from "../entities/references.js";

/** Fields this subgraph adds to the partnerships subgraph's Partnership. */
@Resolver(() => PartnershipRef)
export class PartnershipProgramsResolver {
  // Nullable on purpose: when this subgraph is down, the gateway nulls just this field instead of
  // the whole partnership (and, by null propagation, the community page around it).
  @FieldResolver(() => [Program], {
    nullable: true,
    description: "The programs that run in this partnership, by start date (null only when the programs service is unavailable).",
  })
  programs(
    @Root() partnership: PartnershipRef,
    @Ctx() { loaders }: ProgramsContext,
    @Arg("status", () => [ProgramStatus], { nullable: true, description: "Only programs in any of these statuses (as of today)." })
    status?: ProgramStatus[] | null,
  ): Promise<Program[]> {
    return loaders.programsByPartnershipId(status).load(partnership.id);
  }
}
