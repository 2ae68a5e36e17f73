import { badUserInput, isUuid } from "@scg/shared";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { ProgramsContext } from "../context.js";
import { NetworkProgram } from "../entities/network-program.entity.js";
import { CommunityRef, OrganizationRef } from "../entities/references.js";

@Resolver(() => NetworkProgram)
export class NetworkProgramResolver {
  @Query(() => [NetworkProgram], {
    description: "Programs organizations run for the whole network (such as the Youth Leadership Summit), by start date.",
  })
  networkPrograms(
    @Ctx() { dataSource }: ProgramsContext,
    @Arg("organizerId", () => ID, { nullable: true, description: "Only this organization's." }) organizerId?: string | null,
  ): Promise<NetworkProgram[]> {
    if (organizerId != null && !isUuid(organizerId)) throw badUserInput(`"${organizerId}" is not an organization id.`, { argument: "organizerId" });
    return dataSource.getRepository(NetworkProgram).find({
      where: organizerId ? { organizerId: organizerId.toLowerCase() } : {},
      order: { startsOn: "ASC", id: "ASC" },
    });
  }

  @FieldResolver(() => OrganizationRef, { description: "The organization that runs it." })
  organizer(@Root() program: NetworkProgram): OrganizationRef {
    return { id: program.organizerId };
  }

  @FieldResolver(() => CommunityRef, { nullable: true, description: "The community it takes place in, when it has one." })
  host(@Root() program: NetworkProgram): CommunityRef | null {
    return program.hostCommunityId ? { id: program.hostCommunityId } : null;
  }
}
