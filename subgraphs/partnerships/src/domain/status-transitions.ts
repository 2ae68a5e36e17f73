import { PartnershipStatus } from "../entities/partnership-status.js";

const { PROPOSED, ACTIVE, INACTIVE, TERMINATED } = PartnershipStatus;

/**
 * The lifecycle of a partnership: which status may follow which through `updatePartnershipStatus`.
 *
 * | from \ to   | PROPOSED | ACTIVE               | INACTIVE | TERMINATED        |
 * |-------------|----------|----------------------|----------|-------------------|
 * | PROPOSED    | –        | only by signatures   | –        | yes (withdrawn)   |
 * | ACTIVE      | –        | –                    | yes      | yes               |
 * | INACTIVE    | –        | yes (revived)        | –        | yes               |
 * | TERMINATED  | –        | –                    | –        | – (final)         |
 *
 * PROPOSED → ACTIVE is deliberately absent: a proposal becomes active only when the second
 * community signs (signPartnership), never by a status change. Anything not listed is a CONFLICT.
 */
export const STATUS_TRANSITIONS: Readonly<Record<PartnershipStatus, readonly PartnershipStatus[]>> = Object.freeze({
  [PROPOSED]: [TERMINATED],
  [ACTIVE]: [INACTIVE, TERMINATED],
  [INACTIVE]: [ACTIVE, TERMINATED],
  [TERMINATED]: [],
});

export const canChangeStatus = (from: PartnershipStatus, to: PartnershipStatus) => STATUS_TRANSITIONS[from].includes(to);

/** Why a change is refused, as a sentence for the CONFLICT error (or null when it is allowed). */
export function refusedTransition(from: PartnershipStatus, to: PartnershipStatus): string | null {
  if (canChangeStatus(from, to)) return null;
  if (from === to) return `The partnership is already ${to}.`;
  if (from === TERMINATED) return "The partnership is TERMINATED, which is final; propose a new partnership instead.";
  if (from === PROPOSED && to === ACTIVE) {
    return "A PROPOSED partnership becomes ACTIVE only when both communities have signed it; use signPartnership.";
  }
  const allowed = STATUS_TRANSITIONS[from];
  return `A partnership cannot go from ${from} to ${to}; from ${from} it may only become ${allowed.join(" or ")}.`;
}
