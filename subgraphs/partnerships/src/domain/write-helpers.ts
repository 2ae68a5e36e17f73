import { badUserInput, isUuid, unauthenticated, type Identity } from "@scg/shared";
import { QueryFailedError } from "typeorm";

/** Postgres refused a row because a unique index already holds its key (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): error is QueryFailedError & { constraint?: string } {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === "23505";
}

/** The caller, or UNAUTHENTICATED: every write needs a signed-in user. */
export function requireIdentity(identity: Identity | null, action: string): Identity {
  if (!identity) throw unauthenticated(`You must be signed in to ${action}.`);
  return identity;
}

/** A lowercase UUID, or BAD_USER_INPUT naming the argument. */
export function checkId(value: string, argument: string, what: string): string {
  if (!isUuid(value)) throw badUserInput(`"${value.slice(0, 80)}" is not ${what} id.`, { argument });
  return value.toLowerCase();
}

/** Trimmed text of bounded length, or BAD_USER_INPUT. */
export function checkText(value: string, argument: string, maxLength: number): string {
  const text = value.trim();
  if (text === "") throw badUserInput(`"${argument}" must not be empty.`, { argument });
  if (text.length > maxLength) {
    throw badUserInput(`"${argument}" may be at most ${maxLength} characters long, but has ${text.length}.`, { argument, maximum: maxLength });
  }
  return text;
}

/** A calendar date as Postgres and the Date scalar write it: "2026-11-27". */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);
