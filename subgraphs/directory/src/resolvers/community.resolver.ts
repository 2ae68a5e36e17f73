import { badUserInput, isUuid, OrderDirection, orderedCursor, parseOrderedPage } from "@scg/shared";
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { DirectoryContext } from "../context.js";
import { CommunityOrderField, communitySortKey, findCommunities } from "../domain/directory-queries.js";
import { Community } from "../entities/community.entity.js";
import { Country } from "../entities/country.entity.js";
import { Organization } from "../entities/organization.entity.js";
import { CommunityFilter } from "./community-filter.input.js";
import { CommunityOrder } from "./community-order.input.js";
import { CommunityConnection } from "./connections.js";

@Resolver(() => Community)
export class CommunityResolver {
  @Query(() => Community, { nullable: true, description: "One community, by `id` or by `slug` (exactly one of them). Unknown: null." })
  async community(
    @Ctx() { loaders }: DirectoryContext,
    @Arg("id", () => ID, { nullable: true, description: "The community's id." }) id?: string | null,
    @Arg("slug", () => String, { nullable: true, description: 'The community\'s slug, such as "seattle-wa-us".' }) slug?: string | null,
  ): Promise<Community | null> {
    if ((id == null) === (slug == null)) throw badUserInput("Give exactly one of `id` or `slug` to look up a community.");
    if (id != null) return isUuid(id) ? loaders.communityById.load(id.toLowerCase()) : null;
    return slug!.length > 200 ? null : loaders.communityBySlug.load(slug!);
  }

  @Query(() => CommunityConnection, { description: "The directory's communities, a page at a time, by name unless `orderBy` says otherwise." })
  async communities(
    @Ctx() { dataSource }: DirectoryContext,
    @Arg("filter", () => CommunityFilter, { nullable: true, description: "Which communities (every field given must match)." }) filter?: CommunityFilter | null,
    @Arg("orderBy", () => CommunityOrder, { nullable: true, description: "The order (by default: NAME, ascending). Ties are broken by id." }) orderBy?: CommunityOrder | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size: 20 by default, at most 500." }) first?: number | null,
    @Arg("after", () => String, { nullable: true, description: "Continue after this cursor (an endCursor of the same query)." }) after?: string | null,
  ) {
    const direction = orderBy?.direction ?? OrderDirection.ASC;
    const page = parseOrderedPage({ first, after }, communitySortKey(orderBy?.field ?? CommunityOrderField.NAME, { searching: Boolean(filter?.search?.trim()) }), direction);
    const { rows, count } = await findCommunities(dataSource, filter ?? {}, page);
    return CommunityConnection.of(page, rows, (c) => orderedCursor(page, c), count);
  }

  @FieldResolver(() => Country, { description: "The country it is in." })
  async country(@Root() community: Community, @Ctx() { loaders }: DirectoryContext): Promise<Country> {
    const country = await loaders.countryByCode.load(community.countryCode);
    if (!country) throw new Error(`Community ${community.slug} refers to missing country ${community.countryCode}`);
    return country;
  }

  @FieldResolver(() => [Organization], { description: "Organizations based in this community." })
  organizations(@Root() community: Community, @Ctx() { loaders }: DirectoryContext): Promise<Organization[]> {
    return loaders.organizationsByCommunityId.load(community.id);
  }
}
