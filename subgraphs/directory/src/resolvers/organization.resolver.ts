import { badUserInput, isUuid, parsePage } from "@scg/shared";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { DirectoryContext } from "../context.js";
import { findOrganizations } from "../domain/directory-queries.js";
import { Organization } from "../entities/organization.entity.js";
import { OrganizationFilter } from "./community-filter.input.js";
import { OrganizationConnection } from "./connections.js";

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: "One organization, by `id` or by `slug` (exactly one of them). Unknown: null." })
  async organization(
    @Ctx() { loaders }: DirectoryContext,
    @Arg("id", () => ID, { nullable: true, description: "The organization's id." }) id?: string | null,
    @Arg("slug", () => String, { nullable: true, description: 'The organization\'s slug, such as "sister-cities-international".' }) slug?: string | null,
  ): Promise<Organization | null> {
    if ((id == null) === (slug == null)) throw badUserInput("Give exactly one of `id` or `slug` to look up an organization.");
    if (id != null) return isUuid(id) ? loaders.organizationById.load(id.toLowerCase()) : null;
    return slug!.length > 200 ? null : loaders.organizationBySlug.load(slug!);
  }

  @Query(() => OrganizationConnection, { description: "Organizations, ordered by slug, a page at a time." })
  async organizations(
    @Ctx() { dataSource }: DirectoryContext,
    @Arg("filter", () => OrganizationFilter, { nullable: true, description: "Which organizations (every field given must match)." }) filter?: OrganizationFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size: 20 by default, at most 500." }) first?: number | null,
    @Arg("after", () => String, { nullable: true, description: "Continue after this cursor (an endCursor of the same query)." }) after?: string | null,
  ) {
    const page = parsePage({ first, after });
    if (filter?.communityId && !isUuid(filter.communityId)) {
      throw badUserInput(`"${filter.communityId}" is not a community id.`, { argument: "communityId" });
    }
    const { rows, count } = await findOrganizations(dataSource, filter ?? {}, page);
    return OrganizationConnection.of(page, rows, (o) => [o.slug], count);
  }
}
