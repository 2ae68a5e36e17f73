import { administersCommunity, badUserInput, checkId, checkText, conflict, forbidden, isUniqueViolation, notFound, requireIdentity, type Identity } from "@scg/shared";
import type { DataSource } from "typeorm";
import { PartnershipStatus } from "../entities/partnership-status.js";
import { Partnership } from "../entities/partnership.entity.js";
import { StatusChange } from "../entities/status-change.entity.js";
import { refusedTransition } from "./status-transitions.js";

export interface UpdatePartnershipStatusValues {
  status: PartnershipStatus;
  reason: string;
  /** When given, the change applies only if the partnership is still at this version. */
  expectedVersion?: number | null;
}

/**
 * Moves a partnership to another status along STATUS_TRANSITIONS, with a reason, and records who
 * did it in the history.
 *
 * Rules: a signed-in caller (UNAUTHENTICATED); the partnership exists (NOT_FOUND); the caller
 * administers one of its two communities or is staff (FORBIDDEN); the move is in the table
 * (CONFLICT); `expectedVersion`, when given, is still current (CONFLICT).
 *
 * Lost updates: the UPDATE is conditional on the version read (`WHERE id = $1 AND version = $2`);
 * when a concurrent change got there first, no row matches and the caller gets a CONFLICT instead
 * of silently overwriting it. Reviving an INACTIVE partnership while the same pair has another
 * open one is refused by the open-pair unique index (CONFLICT).
 */
export async function updatePartnershipStatus(
  dataSource: DataSource,
  identity: Identity | null,
  id: string,
  input: UpdatePartnershipStatusValues,
): Promise<Partnership> {
  const caller = requireIdentity(identity, "change a partnership's status");
  const partnershipId = checkId(id, "id", "a partnership");
  const reason = checkText(input.reason, "reason", 1000);
  if (input.expectedVersion != null && (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1)) {
    throw badUserInput(`"expectedVersion" must be a positive whole number, but was ${input.expectedVersion}.`, { argument: "expectedVersion" });
  }
  try {
    return await dataSource.transaction(async (manager) => {
      const partnership = await manager.findOneBy(Partnership, { id: partnershipId });
      if (!partnership) throw notFound(`No partnership with id "${partnershipId}" exists.`, { argument: "id" });
      if (!partnership.communityIds.some((communityId) => administersCommunity(caller, communityId))) {
        throw forbidden(`You may change partnership "${partnershipId}" only as an admin of one of its two communities.`);
      }
      if (input.expectedVersion != null && input.expectedVersion !== partnership.version) {
        throw staleVersion(partnershipId, input.expectedVersion, partnership.version);
      }
      const refused = refusedTransition(partnership.status, input.status);
      if (refused) throw conflict(refused, { from: partnership.status, to: input.status });

      const result = await manager
        .createQueryBuilder()
        .update(Partnership)
        .set({ status: input.status, version: () => "version + 1", updatedAt: () => "now()" })
        .where("id = :id AND version = :version", { id: partnershipId, version: partnership.version })
        .execute();
      if (result.affected !== 1) {
        throw conflict(`Partnership "${partnershipId}" was changed by someone else meanwhile; reload it and try again.`);
      }
      await manager.insert(StatusChange, { partnershipId, from: partnership.status, to: input.status, changedBy: caller.subject, reason });
      return manager.findOneByOrFail(Partnership, { id: partnershipId });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`Partnership "${partnershipId}" cannot become ${input.status}: its two communities already have another open partnership.`);
    }
    throw error;
  }
}

const staleVersion = (id: string, expected: number, actual: number) =>
  conflict(`Partnership "${id}" is at version ${actual}, not ${expected}: it changed since you read it; reload it and try again.`, {
    expectedVersion: expected,
    actualVersion: actual,
  });
