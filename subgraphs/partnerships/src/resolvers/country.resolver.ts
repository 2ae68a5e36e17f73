import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { PartnershipsContext } from "../context.js";
import { parsePartnershipPage } from "../domain/partnership-queries.js";
import { CountryRef } from "../entities/country-ref.js";
import { PartnershipConnection } from "./connections.js";

/** What this subgraph adds to the directory's countries; both fields batch across countries, and are nullable so an outage nulls only them. */
@Resolver(() => CountryRef)
export class CountryResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: "How many partnerships have a community in this country, in any status. Null only when the partnerships service is unavailable.",
  })
  partnershipCount(@Root() country: CountryRef, @Ctx() { loaders }: PartnershipsContext): Promise<number> {
    return loaders.partnershipCountByCountryCode.load(country.code);
  }

  @FieldResolver(() => PartnershipConnection, {
    nullable: true,
    description:
      "The partnerships with a community in this country, in any status, ordered by id, a page at a time. Null only when the partnerships service is unavailable.",
  })
  async partnerships(
    @Root() country: CountryRef,
    @Ctx() { loaders }: PartnershipsContext,
    @Arg("first", () => Int, { nullable: true, description: "Page size: 20 by default, at most 500." }) first?: number | null,
    @Arg("after", () => String, { nullable: true, description: "Continue after this cursor." }) after?: string | null,
  ) {
    const page = parsePartnershipPage({ first, after });
    const rows = page.limit === 0 ? [] : await loaders.partnershipPageByCountryCode(page).load(country.code);
    return PartnershipConnection.of(page, rows, (p) => [p.id], () => loaders.partnershipCountByCountryCode.load(country.code));
  }
}
