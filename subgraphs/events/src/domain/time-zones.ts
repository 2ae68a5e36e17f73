/**
 * IANA time zones: which names the events subgraph accepts, and how a local wall-clock time
 * in a zone becomes an instant. Built on the runtime's Intl data (no time-zone package).
 */
const SUPPORTED = new Set<string>([...Intl.supportedValuesOf("timeZone"), "UTC"]);
const IANA_NAME = /^(UTC|[A-Z][A-Za-z_-]*(\/[A-Za-z0-9_+-]+)+)$/;

/**
 * Whether `name` is an IANA zone this runtime knows: one of `Intl.supportedValuesOf("timeZone")`
 * (plus UTC), or an IANA alias of one ("Asia/Kolkata" where the runtime lists "Asia/Calcutta").
 * Abbreviations ("EST") and bare offsets are refused: they do not follow daylight-saving rules.
 */
export function isSupportedTimeZone(name: string): boolean {
  if (SUPPORTED.has(name)) return true;
  if (!IANA_NAME.test(name)) return false;
  try {
    return SUPPORTED.has(new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone);
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at `instant`, in milliseconds (positive east of Greenwich). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(formatterOf(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which clocks in `timeZone` show `date` (YYYY-MM-DD) at `time` (HH:MM).
 * Two passes settle the offset on either side of a daylight-saving change.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(wall)) throw new Error(`Invalid local date-time ${date} ${time}.`);
  let instant = wall - zoneOffsetMs(wall, timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

/** `days` days after `date` (YYYY-MM-DD), as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
