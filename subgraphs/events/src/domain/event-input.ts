import { badUserInput, checkOptionalId, checkOptionalText, checkText } from "@scg/shared";
import { EventKind } from "../entities/event-kind.js";
import { isSupportedTimeZone } from "./time-zones.js";

export const MAX_TITLE_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 5000;
export const MAX_VENUE_LENGTH = 300;
export const MAX_URL_LENGTH = 2000;
export const MAX_CAPACITY = 100_000;
/** The longest an event may last: a year (a festival season, say). */
export const MAX_DURATION_MS = 366 * 86_400_000;

/** What a client may set on an event (createEvent gives all required ones; updateEvent any subset). */
export interface EventFields {
  title?: string | null;
  kind?: EventKind | null;
  description?: string | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  timezone?: string | null;
  venue?: string | null;
  programId?: string | null;
  capacity?: number | null;
  registrationOpen?: boolean | null;
  url?: string | null;
}

export interface CreateEventFields extends EventFields {
  title: string;
  kind: EventKind;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  hostCommunityId?: string | null;
  organizerId?: string | null;
}

export function checkTimeZone(timezone: string): string {
  const trimmed = timezone.trim();
  if (!isSupportedTimeZone(trimmed)) {
    throw badUserInput(`"${timezone.slice(0, 80)}" is not an IANA time zone; use a name such as "America/Chicago".`, { argument: "timezone" });
  }
  return trimmed;
}

export function checkCapacity(capacity: number | null | undefined): number | null | undefined {
  if (capacity == null) return capacity;
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) {
    throw badUserInput(`"capacity" must be a whole number from 1 to ${MAX_CAPACITY} (or null for no limit), but was ${capacity}.`, { argument: "capacity" });
  }
  return capacity;
}

export function checkPeriod(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() < startsAt.getTime()) {
    throw badUserInput(`The event ends (${endsAt.toISOString()}) before it starts (${startsAt.toISOString()}).`, { argument: "endsAt" });
  }
  if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MS) {
    throw badUserInput(`An event may last at most a year, but this one runs from ${startsAt.toISOString()} to ${endsAt.toISOString()}.`, { argument: "endsAt" });
  }
}

function checkUrl(url: string | null | undefined): string | null | undefined {
  const trimmed = checkOptionalText(url, "url", MAX_URL_LENGTH);
  if (trimmed == null) return trimmed;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw badUserInput(`"${trimmed.slice(0, 80)}" is not a URL; give an address starting with https://.`, { argument: "url" });
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw badUserInput(`"${trimmed.slice(0, 80)}" is not a web address; give one starting with https://.`, { argument: "url" });
  }
  return trimmed;
}

/** Normalizes and checks the fields an update may touch (only the fields given are checked). */
export function checkEventFields(input: EventFields): EventFields {
  if (input.kind !== undefined && input.kind !== null && !Object.values(EventKind).includes(input.kind)) {
    throw badUserInput(`"${input.kind}" is not an event kind.`, { argument: "kind" });
  }
  return {
    ...(input.title != null ? { title: checkText(input.title, "title", MAX_TITLE_LENGTH) } : {}),
    ...(input.kind != null ? { kind: input.kind } : {}),
    ...(input.description !== undefined ? { description: checkOptionalText(input.description, "description", MAX_DESCRIPTION_LENGTH) } : {}),
    ...(input.startsAt != null ? { startsAt: input.startsAt } : {}),
    ...(input.endsAt != null ? { endsAt: input.endsAt } : {}),
    ...(input.timezone != null ? { timezone: checkTimeZone(input.timezone) } : {}),
    ...(input.venue !== undefined ? { venue: checkOptionalText(input.venue, "venue", MAX_VENUE_LENGTH) } : {}),
    ...(input.programId !== undefined ? { programId: checkOptionalId(input.programId, "programId", "a program") } : {}),
    ...(input.capacity !== undefined ? { capacity: checkCapacity(input.capacity) } : {}),
    ...(input.registrationOpen != null ? { registrationOpen: input.registrationOpen } : {}),
    ...(input.url !== undefined ? { url: checkUrl(input.url) } : {}),
  };
}

/** Normalizes and checks a new event; every problem is a BAD_USER_INPUT sentence naming the field. */
export function checkCreateEventFields(input: CreateEventFields): CreateEventFields {
  const fields = checkEventFields(input) as CreateEventFields;
  checkPeriod(input.startsAt, input.endsAt);
  return {
    ...fields,
    hostCommunityId: checkOptionalId(input.hostCommunityId, "hostCommunityId", "a community") ?? null,
    organizerId: checkOptionalId(input.organizerId, "organizerId", "an organization") ?? null,
  };
}

export const MAX_ATTENDEE_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 254;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

/** An attendee's name (1 to 200 printable characters) and email (one address, at most 254 characters). */
export function checkAttendee(attendee: { name: string; email: string }): { name: string; email: string } {
  const name = attendee.name.trim().replace(/\s+/g, " ");
  if (name.length === 0) throw badUserInput(`The attendee's name must not be empty.`, { argument: "attendee.name" });
  if (name.length > MAX_ATTENDEE_NAME_LENGTH) {
    throw badUserInput(`The attendee's name may be at most ${MAX_ATTENDEE_NAME_LENGTH} characters long, but has ${name.length}.`, { argument: "attendee.name" });
  }
  if (/\p{Cc}/u.test(name)) throw badUserInput(`The attendee's name must not contain control characters.`, { argument: "attendee.name" });
  const email = attendee.email.trim();
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) {
    throw badUserInput(`"${email.slice(0, 80)}" is not an email address; give one such as "name@example.org".`, { argument: "attendee.email" });
  }
  return { name, email };
}
