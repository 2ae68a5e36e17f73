import { DateScalar } from "@scg/shared";
import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "One community's signature of a proposed partnership." })
export class SignPartnershipInput {
  @Field(() => ID, { description: "The signing community: one of the partnership's two sides, and one you administer." })
  communityId: string;

  @Field({ description: "Name of the community's highest elected or appointed official, who signs." })
  signatoryName: string;

  @Field({ description: 'Title of that official, such as "Mayor".' })
  signatoryTitle: string;

  @Field(() => DateScalar, { description: "Day of the signature (not in the future)." })
  signedOn: Date;
}
