import { ActiveArea } from "@scg/shared";
import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "A proposed partnership: the two communities and what it is about." })
export class ProposePartnershipInput {
  @Field(() => [ID], { description: "The two communities' ids, in two different countries; you must administer one of them." })
  communityIds: string[];

  @Field(() => [ActiveArea], { nullable: true, description: "The active areas the partnership will work in (default: none yet)." })
  focusAreas?: ActiveArea[] | null;
}
