import { Field, ObjectType } from "type-graphql";
import { CommunityRef } from "./community-ref.js";
import { Partnership } from "./partnership.entity.js";

@ObjectType({ description: "One sister city of a community: the partner (the other community) and the partnership joining them." })
export class SisterCityLink {
  @Field(() => CommunityRef, { description: "The community on the other side of the partnership." })
  partner: CommunityRef;

  @Field(() => Partnership, { description: "The partnership itself." })
  partnership: Partnership;
}
