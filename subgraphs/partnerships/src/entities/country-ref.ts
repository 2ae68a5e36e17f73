import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The directory's `Country`, by its key only; this subgraph adds `partnershipCount` and `partnerships`. */
@Directive('@key(fields: "code")')
@ObjectType("Country", { description: "A country, by its ISO 3166-1 alpha-2 code." })
export class CountryRef {
  @Field(() => ID, { description: 'ISO 3166-1 alpha-2 code ("XK" for Kosovo).' })
  code: string;
}
