import { OrderDirection } from "@scg/shared";
import { Field, InputType, registerEnumType } from "type-graphql";
import { PartnershipOrderField } from "../domain/partnership-sides.js";

registerEnumType(PartnershipOrderField, {
  name: "PartnershipOrderField",
  description: "What partnerships can be ordered by (ties are broken by id, so cursors stay stable).",
  valuesConfig: {
    PARTNER_NAME: { description: "The partner abroad's name, A→Z (accents folded)." },
    ESTABLISHED_YEAR: { description: "The year it was established; partnerships without one come last either way." },
  },
});

@InputType({ description: "How to order partnerships." })
export class PartnershipOrder {
  @Field(() => PartnershipOrderField, { description: "What to order by." })
  field: PartnershipOrderField;

  @Field(() => OrderDirection, { nullable: true, description: "Which way (ascending by default)." })
  direction?: OrderDirection | null;
}
