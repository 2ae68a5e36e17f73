import { Provenance } from "@scg/shared";
import { Field, Float, ObjectType } from "type-graphql";

@ObjectType({ description: "A point on Earth (WGS 84)." })
export class GeoPoint {
  @Field(() => Float, { description: "Degrees north of the equator (negative: south)." })
  latitude: number;

  @Field(() => Float, { description: "Degrees east of Greenwich (negative: west)." })
  longitude: number;

  @Field(() => Provenance, { description: "Where the coordinates come from (GeoNames, CC BY 4.0)." })
  provenance: Provenance;
}
