import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The directory's `Community`, as this subgraph sees it: only its key. The directory owns every
 * other field; this subgraph adds `sisterCities` and `partnershipCount` (see community.resolver.ts)
 * and refers to communities by id, never by a copy of their row.
 */
@Directive('@key(fields: "id")')
@ObjectType("Community", { description: "A city, county or state: a member of the network or a partner abroad." })
export class CommunityRef {
  @Field(() => ID, { description: "Stable id (a UUID derived from the slug; the same in every subgraph and on every import)." })
  id: string;
}

export const communityRef = (id: string): CommunityRef => Object.assign(new CommunityRef(), { id });
