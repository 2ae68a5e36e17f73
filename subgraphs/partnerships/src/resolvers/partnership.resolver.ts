import { isUuid, OrderDirection, orderedCursor, parseOrderedPage } from "@scg/shared";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { PartnershipsContext } from "../context.js";
import { reportPartnershipCounts } from "../domain/partnership-counts.js";
import { findPartnerships } from "../domain/partnership-queries.js";
import { PartnershipOrderField, partnershipSortKey } from "../domain/partnership-sides.js";
import { proposePartnership } from "../domain/propose-partnership.js";
import { signPartnership } from "../domain/sign-partnership.js";
import { updatePartnershipStatus } from "../domain/update-partnership-status.js";
import { CommunityRef, communityRef } from "../entities/community-ref.js";
import { PartnershipStatus } from "../entities/partnership-status.js";
import { Partnership } from "../entities/partnership.entity.js";
import { Signature } from "../entities/signature.entity.js";
import { StatusChange } from "../entities/status-change.entity.js";
import { PartnershipConnection } from "./connections.js";
import { PartnershipFilter } from "./partnership-filter.input.js";
import { PartnershipOrder } from "./partnership-order.input.js";
import { ProposePartnershipInput } from "./propose-partnership.input.js";
import { SignPartnershipInput } from "./sign-partnership.input.js";

@Resolver(() => Partnership)
export class PartnershipResolver {
  @Query(() => Partnership, { nullable: true, description: "One partnership by id; null when unknown." })
  partnership(@Ctx() { loaders }: PartnershipsContext, @Arg("id", () => ID, { description: "The partnership's id." }) id: string): Promise<Partnership | null> | null {
    return isUuid(id) ? loaders.partnershipById.load(id.toLowerCase()) : null;
  }

  @Query(() => PartnershipConnection, { description: "Partnerships, a page at a time, by the partner abroad's name unless `orderBy` says otherwise." })
  async partnerships(
    @Ctx() { dataSource }: PartnershipsContext,
    @Arg("filter", () => PartnershipFilter, { nullable: true, description: "Which partnerships (every field given must match)." }) filter?: PartnershipFilter | null,
    @Arg("orderBy", () => PartnershipOrder, { nullable: true, description: "The order (by default: PARTNER_NAME, ascending). Ties are broken by id." }) orderBy?: PartnershipOrder | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size: 20 by default, at most 500." }) first?: number | null,
    @Arg("after", () => String, { nullable: true, description: "Continue after this cursor (an endCursor of the same query)." }) after?: string | null,
  ) {
    const direction = orderBy?.direction ?? OrderDirection.ASC;
    const page = parseOrderedPage({ first, after }, partnershipSortKey(orderBy?.field ?? PartnershipOrderField.PARTNER_NAME, direction), direction);
    const { rows, count } = findPartnerships(dataSource, filter ?? {}, page);
    return PartnershipConnection.of(page, await rows, (p) => orderedCursor(page, p), count);
  }

  @FieldResolver(() => [CommunityRef], {
    description: "The two communities: the US side first for imported partnerships, the proposal's order for new ones.",
  })
  communities(@Root() partnership: Partnership): CommunityRef[] {
    return partnership.communityIds.map(communityRef);
  }

  @FieldResolver(() => [Signature], { description: "The signatures recorded so far, oldest first (none for imported partnerships)." })
  signatures(@Root() partnership: Partnership, @Ctx() { loaders }: PartnershipsContext): Promise<Signature[]> {
    return loaders.signaturesByPartnershipId.load(partnership.id);
  }

  @FieldResolver(() => [StatusChange], { description: "Every change of status, oldest first: who, when, from what, to what, why." })
  statusHistory(@Root() partnership: Partnership, @Ctx() { loaders }: PartnershipsContext): Promise<StatusChange[]> {
    return loaders.statusHistoryByPartnershipId.load(partnership.id);
  }

  @Mutation(() => Partnership, {
    description: "Proposes a partnership between a community you administer and one in another country. It starts PROPOSED, unsigned.",
  })
  async proposePartnership(
    @Ctx() { dataSource, directory, identity, log }: PartnershipsContext,
    @Arg("input", () => ProposePartnershipInput, { description: "The two communities and the focus areas." }) input: ProposePartnershipInput,
  ): Promise<Partnership> {
    const partnership = await proposePartnership(dataSource, directory, identity, input);
    await reportPartnershipCounts(dataSource, directory, [partnership.communityAId, partnership.communityBId], log);
    return partnership;
  }

  @Mutation(() => Partnership, {
    description: "Records the signature of one side's highest official; the second side's signature makes the partnership ACTIVE.",
  })
  signPartnership(
    @Ctx() { dataSource, identity }: PartnershipsContext,
    @Arg("id", () => ID, { description: "The partnership to sign." }) id: string,
    @Arg("input", () => SignPartnershipInput, { description: "Which side signs, who, and when." }) input: SignPartnershipInput,
  ): Promise<Partnership> {
    return signPartnership(dataSource, identity, id, input);
  }

  @Mutation(() => Partnership, {
    description:
      "Moves a partnership to another status with a reason: ACTIVE → INACTIVE or TERMINATED, INACTIVE → ACTIVE or TERMINATED, PROPOSED → TERMINATED (withdrawn). Anything else is a CONFLICT.",
  })
  updatePartnershipStatus(
    @Ctx() { dataSource, identity }: PartnershipsContext,
    @Arg("id", () => ID, { description: "The partnership to change." }) id: string,
    @Arg("status", () => PartnershipStatus, { description: "The new status." }) status: PartnershipStatus,
    @Arg("reason", () => String, { description: "Why, in a sentence (kept in the status history)." }) reason: string,
    @Arg("expectedVersion", () => Int, {
      nullable: true,
      description: "The `version` you last saw; when given, the change is refused (CONFLICT) if the partnership changed since.",
    })
    expectedVersion?: number | null,
  ): Promise<Partnership> {
    return updatePartnershipStatus(dataSource, identity, id, { status, reason, expectedVersion });
  }
}

@Resolver(() => Signature)
export class SignatureResolver {
  @FieldResolver(() => CommunityRef, { description: "The community whose official signed." })
  community(@Root() signature: Signature): CommunityRef {
    return communityRef(signature.communityId);
  }
}
