import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { PartnershipsContext } from "../context.js";
import { OrderDirection, orderedCursor, parseOrderedPage } from "@scg/shared";
import { PartnershipOrderField, partnershipSortKey } from "../domain/partnership-sides.js";
import { CountryRef } from "../entities/country-ref.js";
import { PartnershipConnection } from "./connections.js";
import { PartnershipOrder } from "./partnership-order.input.js";

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
      "The partnerships with a community in this country, in any status, a page at a time, by the partner abroad's name unless `orderBy` says otherwise. Null only when the partnerships service is unavailable.",
  })
  async partnerships(
    @Root() country: CountryRef,
    @Ctx() { loaders }: PartnershipsContext,
    @Arg("first", () => Int, { nullable: true, description: "Page size: 20 by default, at most 500." }) first?: number | null,
    @Arg("after", () => String, { nullable: true, description: "Continue after this cursor (an endCursor of the same query)." }) after?: string | null,
    @Arg("orderBy", () => PartnershipOrder, { nullable: true, description: "The order (by default: PARTNER_NAME, ascending). Ties are broken by id." }) orderBy?: PartnershipOrder | null,
  ) {
    const direction = orderBy?.direction ?? OrderDirection.ASC;
    const page = parseOrderedPage({ first, after }, partnershipSortKey(orderBy?.field ?? PartnershipOrderField.PARTNER_NAME, direction), direction);
    const rows = page.limit === 0 ? [] : await loaders.partnershipPageByCountryCode(page).load(country.code);
    return PartnershipConnection.of(page, rows, (p) => orderedCursor(page, p), () => loaders.partnershipCountByCountryCode.load(country.code));
  }
}
