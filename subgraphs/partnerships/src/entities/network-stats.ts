import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Headline figures of the partnership network, computed from the data on every request (never stored by hand)." })
export class NetworkStats {
  @Field(() => Int, { description: "Communities (US and abroad) that take part in at least one partnership, in any status." })
  communities: number;

  @Field(() => Int, { description: "Partnerships on record, in any status (proposals included)." })
  partnerships: number;

  @Field(() => Int, { description: "Partnerships whose status is ACTIVE." })
  activePartnerships: number;

  @Field(() => Int, {
    description:
      "Partner countries abroad: the distinct countries other than the United States that have a community in at least one partnership, in any status.",
  })
  countries: number;
}
