import type { Identity } from "../auth/identity.js";
import { badUserInput, unauthenticated } from "../errors/app-error.js";
import { isUuid } from "../ids/stable-id.js";

/**
 * The checks every subgraph's writes make, written once. Each refusal is BAD_USER_INPUT (or
 * UNAUTHENTICATED) with a sentence quoting the value at fault and `extensions.argument` naming the
 * argument or input field (`"input.title"` style paths are the caller's to give).
 */

/** The caller, or UNAUTHENTICATED: every write needs a signed-in user. `action` completes "You must be signed in to …". */
export function requireIdentity(identity: Identity | null, action: string): Identity {
  if (!identity) throw unauthenticated(`You must be signed in to ${action}.`);
  return identity;
}

/** A UUID, lowercased; `what` completes the sentence: `"x" is not a community id (hostCommunityId).` */
export function checkId(value: string, argument: string, what: string): string {
  if (!isUuid(value)) throw badUserInput(`"${value.slice(0, 80)}" is not ${what} id (${argument}).`, { argument });
  return value.toLowerCase();
}

/** Like checkId for an optional value: undefined and null pass through. */
export function checkOptionalId(value: string | null | undefined, argument: string, what: string): string | null | undefined {
  return value == null ? value : checkId(value, argument, what);
}

/** Trimmed, non-empty text of at most `max` characters. */
export function checkText(value: string, argument: string, max: number): string {
  const text = value.trim();
  if (text === "") throw badUserInput(`"${argument}" must not be empty.`, { argument });
  return checkLength(text, argument, max);
}

/**
 * Optional text: undefined stays undefined (not given), null or blank becomes null (cleared),
 * anything else is trimmed and at most `max` characters.
 */
export function checkOptionalText(value: string | null | undefined, argument: string, max: number): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.trim() === "") return null;
  return checkLength(value.trim(), argument, max);
}

function checkLength(text: string, argument: string, max: number): string {
  if (text.length > max) throw badUserInput(`"${argument}" may be at most ${max} characters long, but has ${text.length}.`, { argument, maximum: max });
  return text;
}

/** The distinct values of a list that must name at least one. */
export function checkNonEmpty<T>(values: readonly T[], argument: string): T[] {
  const distinct = [...new Set(values)];
  if (distinct.length === 0) throw badUserInput(`"${argument}" must name at least one value.`, { argument });
  return distinct;
}

/** A whole number from `min` to `max`. */
export function checkWholeNumber(value: number, argument: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(`"${argument}" must be a whole number from ${min} to ${max}, but was ${value}.`, { argument, minimum: min, maximum: max });
  }
  return value;
}

/** A calendar date as Postgres and the `Date` scalar write it ("2026-11-27"); the scalar parses to UTC midnight. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
