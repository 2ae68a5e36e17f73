import { registerEnumType } from "type-graphql";

/**
 * Where a program stands. Derived from its dates on every read (never stored), so it is right
 * on every day without a job that updates rows: before `startsOn` a program is PLANNED, after
 * `endsOn` COMPLETED, in between (or started with no end date) RUNNING.
 */
export enum ProgramStatus {
  PLANNED = "PLANNED",
  RUNNING = "RUNNING",
  COMPLETED = "COMPLETED",
}

registerEnumType(ProgramStatus, {
  name: "ProgramStatus",
  description: "Where a program stands, derived from its dates and today's date (UTC).",
  valuesConfig: {
    PLANNED: { description: "Starts after today." },
    RUNNING: { description: "Started on or before today and not yet ended (or has no end date)." },
    COMPLETED: { description: "Ended before today." },
  },
});

/** Today's date in UTC, as YYYY-MM-DD: the day statuses are computed against. */
export const todayIso = (now = new Date()) => now.toISOString().slice(0, 10);

/** The status of something that runs from `startsOn` to `endsOn` (ISO dates), as of `today`. */
export function statusOn(startsOn: string, endsOn: string | null, today = todayIso()): ProgramStatus {
  if (startsOn > today) return ProgramStatus.PLANNED;
  if (endsOn !== null && endsOn < today) return ProgramStatus.COMPLETED;
  return ProgramStatus.RUNNING;
}
