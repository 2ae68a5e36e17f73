import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ProgramsContext } from "../context.js";
import { NetworkProgram } from "../entities/network-program.entity.js";
import { Program } from "../entities/program.entity.js";
import { OrganizationRef } from "../entities/references.js";

/** Fields this subgraph adds to the directory's Organization. */
@Resolver(() => OrganizationRef)
export class OrganizationProgramsResolver {
  // Nullable like Partnership.programs: an outage of this subgraph nulls this field only.
  @FieldResolver(() => [Program], { nullable: true, description: "Partnership programs this organization organizes, by start date (null only when the programs service is unavailable)." })
  programs(@Root() organization: OrganizationRef, @Ctx() { loaders }: ProgramsContext): Promise<Program[]> {
    return loaders.programsByOrganizerId.load(organization.id);
  }

  @FieldResolver(() => [NetworkProgram], {
    nullable: true,
    description: "Programs this organization runs for the whole network (such as the Youth Leadership Summit), by start date.",
  })
  networkPrograms(@Root() organization: OrganizationRef, @Ctx() { loaders }: ProgramsContext): Promise<NetworkProgram[]> {
    return loaders.networkProgramsByOrganizerId.load(organization.id);
  }
}
