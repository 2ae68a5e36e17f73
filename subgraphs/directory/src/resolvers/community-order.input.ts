import { OrderDirection } from "@scg/shared";
import { Field, InputType, registerEnumType } from "type-graphql";
import { CommunityOrderField } from "../domain/directory-queries.js";

registerEnumType(CommunityOrderField, {
  name: "CommunityOrderField",
  description: "What communities can be ordered by (ties are broken by id, so cursors stay stable).",
  valuesConfig: {
    NAME: { description: "The name, A→Z (case and accents folded)." },
    PARTNERSHIP_COUNT: { description: "How many partnerships the community has, in any status." },
  },
});

@InputType({ description: "How to order communities." })
export class CommunityOrder {
  @Field(() => CommunityOrderField, { description: "What to order by." })
  field: CommunityOrderField;

  @Field(() => OrderDirection, { nullable: true, description: "Which way (ascending by default)." })
  direction?: OrderDirection | null;
}
