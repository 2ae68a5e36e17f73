import { OrderDirection } from "@scg/shared";
import { Field, InputType, registerEnumType } from "type-graphql";
import { ProgramOrderField } from "../domain/program-queries.js";

registerEnumType(ProgramOrderField, {
  name: "ProgramOrderField",
  description: "What programs can be ordered by (ties are broken by id, so cursors stay stable).",
  valuesConfig: {
    TITLE: { description: "The title, A→Z." },
    STARTS_ON: { description: "The first day." },
  },
});

@InputType({ description: "How to order programs." })
export class ProgramOrder {
  @Field(() => ProgramOrderField, { description: "What to order by." })
  field: ProgramOrderField;

  @Field(() => OrderDirection, { nullable: true, description: "Which way (ascending by default)." })
  direction?: OrderDirection | null;
}
