import { forbidden } from "@scg/shared";
import { Arg, Ctx, Directive, Field, ID, InputType, Int, Mutation, Resolver } from "type-graphql";
import type { DirectoryContext } from "../context.js";
import { recordPartnershipCounts } from "../domain/partnership-counts.js";

@Directive("@inaccessible")
@InputType({ description: "How many partnerships a community has now (internal: sent by the partnerships subgraph)." })
export class PartnershipCountInput {
  @Field(() => ID, { description: "The community." })
  communityId: string;

  @Field(() => Int, { description: "Its partnerships, in any status." })
  count: number;
}

@Resolver()
export class PartnershipCountsResolver {
  /**
   * Not part of the public API (@inaccessible: the gateway neither shows nor plans it): the
   * partnerships subgraph calls it directly, with its own internal credential, after a proposal.
   */
  @Directive("@inaccessible")
  @Mutation(() => Int, { description: "Internal: records partnership counts sent by the partnerships subgraph; returns how many communities changed." })
  recordPartnershipCounts(
    @Ctx() { dataSource, caller }: DirectoryContext,
    @Arg("counts", () => [PartnershipCountInput], { description: "The counts, absolute." }) counts: PartnershipCountInput[],
  ): Promise<number> {
    if (caller !== "partnerships") throw forbidden("Only the partnerships service records partnership counts.");
    return recordPartnershipCounts(dataSource, counts);
  }
}
