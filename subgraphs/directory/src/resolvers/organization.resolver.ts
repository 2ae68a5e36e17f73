import { badUserInput, isUuid, parsePage } from "@scg/shared";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { DirectoryContext } from "../context.js";
import { findOrganizations } from "../domain/directory-queries.js";
import { Organization } from "../entities/organization.entity.js";
import { OrganizationFilter } from "./community-filter.input.js";
import { OrganizationConnection } from "./connections.js";

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: "One organization by id; null when unknown." })
  organization(@Ctx() { loaders }: DirectoryContext, @Arg("id", () => ID) id: string): Promise<Organization | null> | null {
    return isUuid(id) ? loaders.organizationById.load(id.toLowerCase()) : null;
  }

  @Query(() => OrganizationConnection, { description: "Organizations, ordered by slug, a page at a time." })
  async organizations(
    @Ctx() { dataSource }: DirectoryContext,
    @Arg("filter", () => OrganizationFilter, { nullable: true }) filter?: OrganizationFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size: 20 by default, at most 500." }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ) {
    const page = parsePage({ first, after });
    if (filter?.communityId && !isUuid(filter.communityId)) {
      throw badUserInput(`"${filter.communityId}" is not a community id.`, { argument: "communityId" });
    }
    const { rows, count } = await findOrganizations(dataSource, filter ?? {}, page);
    return OrganizationConnection.of(page, rows, (o) => [o.slug], count);
  }
}
