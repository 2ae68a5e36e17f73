import { administersCommunity, badUserInput, checkId, conflict, entered, foldText, forbidden, isUniqueViolation, partnershipId, requireIdentity, type ActiveArea, type Identity } from "@scg/shared";
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { PartnershipStatus } from "../entities/partnership-status.js";
import { Partnership } from "../entities/partnership.entity.js";
import { StatusChange } from "../entities/status-change.entity.js";
import type { CommunityDirectory } from "./community-directory.js";

export interface ProposePartnershipValues {
  communityIds: string[];
  focusAreas?: ActiveArea[] | null;
}

const OPEN = [PartnershipStatus.PROPOSED, PartnershipStatus.ACTIVE];

/**
 * Proposes a partnership between two communities (status PROPOSED, no signatures yet).
 *
 * Rules, in the order they are checked: a signed-in caller (UNAUTHENTICATED); exactly two
 * distinct community ids (BAD_USER_INPUT); the caller administers one of them or is staff
 * (FORBIDDEN); both exist in the directory, asked through its API before any transaction opens
 * (BAD_USER_INPUT; SERVICE_UNAVAILABLE when it cannot answer); two different countries
 * (BAD_USER_INPUT); no PROPOSED or ACTIVE partnership between them already (CONFLICT — also
 * enforced by the unique index `partnership_open_pair_key`, so two concurrent proposals cannot
 * both succeed). The partnership and its first history entry are written in one transaction.
 */
export async function proposePartnership(
  dataSource: DataSource,
  directory: CommunityDirectory,
  identity: Identity | null,
  input: ProposePartnershipValues,
): Promise<Partnership> {
  const caller = requireIdentity(identity, "propose a partnership");
  if (input.communityIds.length !== 2) {
    throw badUserInput(`A partnership joins exactly two communities, but ${input.communityIds.length} ids were given.`, { argument: "communityIds" });
  }
  const ids = input.communityIds.map((id) => checkId(id, "communityIds", "a community"));
  if (ids[0] === ids[1]) throw badUserInput(`A partnership joins two different communities, but both ids are "${ids[0]}".`, { argument: "communityIds" });
  if (!ids.some((id) => administersCommunity(caller, id))) {
    throw forbidden("You may propose partnerships only for a community you administer; neither of these communities is yours.");
  }

  const found = await directory.findCommunities(ids, caller);
  found.forEach((community, index) => {
    if (!community) throw badUserInput(`No community with id "${ids[index]}" is in the directory.`, { argument: "communityIds" });
  });
  const [a, b] = found as NonNullable<(typeof found)[number]>[];
  if (a.countryCode === b.countryCode) {
    throw badUserInput(`A partnership joins two countries, but "${a.slug}" and "${b.slug}" are both in ${a.countryCode}.`, { argument: "communityIds" });
  }
  const focusAreas = [...new Set(input.focusAreas ?? [])];

  try {
    return await dataSource.transaction(async (manager) => {
      const open = await manager
        .createQueryBuilder(Partnership, "p")
        .where("p.status = ANY(:open)", { open: OPEN })
        .andWhere("LEAST(p.community_a_id, p.community_b_id) = LEAST(:a::uuid, :b::uuid)", { a: a.id, b: b.id })
        .andWhere("GREATEST(p.community_a_id, p.community_b_id) = GREATEST(:a::uuid, :b::uuid)")
        .getOne();
      if (open) throw openPartnershipConflict(a.slug, b.slug, open);
      // The pair's stable id, unless an earlier (inactive or terminated) partnership of the pair holds it.
      const stable = partnershipId(a.slug, b.slug);
      const id = (await manager.existsBy(Partnership, { id: stable })) ? randomUUID() : stable;
      await manager.insert(Partnership, {
        id, status: PartnershipStatus.PROPOSED, communityAId: a.id, communityACountry: a.countryCode, communityARegion: a.regionCode,
        communityBId: b.id, communityBCountry: b.countryCode, communityBRegion: b.regionCode, focusAreas, provenance: entered(caller.subject),
        communityASortName: foldText(a.name), communityBSortName: foldText(b.name), communityAWorldRegion: a.worldRegion, communityBWorldRegion: b.worldRegion,
      });
      await manager.insert(StatusChange, {
        partnershipId: id, from: null, to: PartnershipStatus.PROPOSED, changedBy: caller.subject, reason: "Proposed.",
      });
      return manager.findOneByOrFail(Partnership, { id });
    });
  } catch (error) {
    // A concurrent proposal of the same pair committed first (open-pair index or the stable id).
    if (isUniqueViolation(error)) throw openPartnershipConflict(a.slug, b.slug, null);
    throw error;
  }
}

function openPartnershipConflict(slugA: string, slugB: string, open: Partnership | null) {
  const what = open ? `a partnership that is ${open.status} (id "${open.id}")` : "a proposed or active partnership";
  return conflict(`"${slugA}" and "${slugB}" already have ${what}; it must end before a new one is proposed.`, {
    ...(open ? { partnershipId: open.id } : {}),
  });
}
