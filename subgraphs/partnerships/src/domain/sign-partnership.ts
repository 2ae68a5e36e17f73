import { administersCommunity, badUserInput, checkId, checkText, conflict, entered, forbidden, isoDate, isUniqueViolation, notFound, requireIdentity, type Identity } from "@scg/shared";
import type { DataSource } from "typeorm";
import { PartnershipStatus } from "../entities/partnership-status.js";
import { Partnership } from "../entities/partnership.entity.js";
import { Signature } from "../entities/signature.entity.js";
import { StatusChange } from "../entities/status-change.entity.js";

export interface SignPartnershipValues {
  communityId: string;
  signatoryName: string;
  signatoryTitle: string;
  signedOn: Date;
}

/** Signatures may be dated up to a day ahead of UTC (the signing community may be east of it), never earlier than 1900. */
const EARLIEST_SIGNATURE = "1900-01-01";

/**
 * Records one community's signature of a PROPOSED partnership; the second community's signature
 * makes it ACTIVE, with `establishedOn` the later of the two signature dates.
 *
 * Rules: a signed-in caller (UNAUTHENTICATED); an admin of the signing community or staff
 * (FORBIDDEN); the partnership exists (NOT_FOUND) and the community is one of its two sides
 * (BAD_USER_INPUT); it is still PROPOSED (CONFLICT); that side has not signed yet (CONFLICT).
 *
 * Concurrency: the partnership row is locked (SELECT … FOR UPDATE) for the whole transaction, so
 * two officials signing at the same moment are serialized: the second sees the first signature and
 * completes the partnership. The (partnership, community) primary key backs "one signature per side"
 * even without the lock. No signature is ever lost, and the partnership becomes ACTIVE exactly once.
 */
export async function signPartnership(
  dataSource: DataSource,
  identity: Identity | null,
  id: string,
  input: SignPartnershipValues,
): Promise<Partnership> {
  const caller = requireIdentity(identity, "sign a partnership");
  const partnershipId = checkId(id, "id", "a partnership");
  const communityId = checkId(input.communityId, "communityId", "a community");
  if (!administersCommunity(caller, communityId)) {
    throw forbidden(`You may sign only for a community you administer, and community "${communityId}" is not one of yours.`);
  }
  const signatoryName = checkText(input.signatoryName, "signatoryName", 200);
  const signatoryTitle = checkText(input.signatoryTitle, "signatoryTitle", 200);
  const signedOn = isoDate(input.signedOn);
  const latest = isoDate(new Date(Date.now() + 24 * 3600 * 1000));
  if (signedOn < EARLIEST_SIGNATURE || signedOn > latest) {
    throw badUserInput(`"signedOn" must be a day from ${EARLIEST_SIGNATURE} to today, but was ${signedOn}.`, { argument: "signedOn" });
  }

  try {
    return await dataSource.transaction(async (manager) => {
      const partnership = await manager
        .createQueryBuilder(Partnership, "p")
        .setLock("pessimistic_write")
        .where("p.id = :id", { id: partnershipId })
        .getOne();
      if (!partnership) throw notFound(`No partnership with id "${partnershipId}" exists.`, { argument: "id" });
      if (!partnership.communityIds.includes(communityId)) {
        throw badUserInput(`Community "${communityId}" is not a side of partnership "${partnershipId}"; only its two communities sign it.`, {
          argument: "communityId",
        });
      }
      if (partnership.status !== PartnershipStatus.PROPOSED) {
        throw conflict(`Partnership "${partnershipId}" is ${partnership.status}; only a PROPOSED partnership can be signed.`);
      }
      const signatures = await manager.findBy(Signature, { partnershipId });
      if (signatures.some((s) => s.communityId === communityId)) throw alreadySigned(communityId, partnershipId);

      await manager.insert(Signature, { partnershipId, communityId, signatoryName, signatoryTitle, signedOn, provenance: entered(caller.subject) });
      const signedSides = new Set([...signatures.map((s) => s.communityId), communityId]);
      if (partnership.communityIds.every((side) => signedSides.has(side))) {
        const establishedOn = [signedOn, ...signatures.map((s) => s.signedOn)].sort().at(-1)!;
        // Conditional on the version read under the lock: it cannot have moved, and if it ever did we refuse rather than overwrite.
        const result = await manager
          .createQueryBuilder()
          .update(Partnership)
          .set({
            status: PartnershipStatus.ACTIVE, establishedOn, establishedYear: Number(establishedOn.slice(0, 4)),
            version: () => "version + 1", updatedAt: () => "now()",
          })
          .where("id = :id AND version = :version", { id: partnershipId, version: partnership.version })
          .execute();
        if (result.affected !== 1) throw conflict(`Partnership "${partnershipId}" changed while it was being signed; please try again.`);
        await manager.insert(StatusChange, {
          partnershipId, from: PartnershipStatus.PROPOSED, to: PartnershipStatus.ACTIVE, changedBy: caller.subject,
          reason: "Signed by both communities.",
        });
      } else {
        await manager
          .createQueryBuilder()
          .update(Partnership)
          .set({ version: () => "version + 1", updatedAt: () => "now()" })
          .where("id = :id", { id: partnershipId })
          .execute();
      }
      return manager.findOneByOrFail(Partnership, { id: partnershipId });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadySigned(communityId, partnershipId);
    throw error;
  }
}

const alreadySigned = (communityId: string, partnershipId: string) =>
  conflict(`Community "${communityId}" has already signed partnership "${partnershipId}"; each side signs once.`);
