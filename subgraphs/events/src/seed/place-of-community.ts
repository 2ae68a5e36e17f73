import { US_STATES } from "@scg/shared";
import { isSupportedTimeZone } from "../domain/time-zones.js";

/** Where a community is, read from its slug (DESIGN.md: `<name>[-<state>]-<country>`). */
export interface Place {
  countryCode: string;
  regionCode: string | null;
}

export function placeOfSlug(slug: string): Place {
  const parts = slug.split("-");
  const countryCode = (parts.at(-1) ?? "").toUpperCase();
  if (!/^[A-Z]{2}$/.test(countryCode)) throw new Error(`The slug "${slug}" does not end with a country code.`);
  const state = countryCode === "US" && parts.length >= 3 ? parts.at(-2)!.toUpperCase() : null;
  return { countryCode, regionCode: state && US_STATES[state] ? state : null };
}

/** The time zone most of each state's people live in (states split between zones take the larger part). */
const US_STATE_TIME_ZONES: Readonly<Record<string, string>> = {
  AL: "America/Chicago", AK: "America/Anchorage", AZ: "America/Phoenix", AR: "America/Chicago", CA: "America/Los_Angeles",
  CO: "America/Denver", CT: "America/New_York", DE: "America/New_York", DC: "America/New_York", FL: "America/New_York",
  GA: "America/New_York", HI: "Pacific/Honolulu", ID: "America/Boise", IL: "America/Chicago", IN: "America/Indianapolis",
  IA: "America/Chicago", KS: "America/Chicago", KY: "America/New_York", LA: "America/Chicago", ME: "America/New_York",
  MD: "America/New_York", MA: "America/New_York", MI: "America/Detroit", MN: "America/Chicago", MS: "America/Chicago",
  MO: "America/Chicago", MT: "America/Denver", NE: "America/Chicago", NV: "America/Los_Angeles", NH: "America/New_York",
  NJ: "America/New_York", NM: "America/Denver", NY: "America/New_York", NC: "America/New_York", ND: "America/Chicago",
  OH: "America/New_York", OK: "America/Chicago", OR: "America/Los_Angeles", PA: "America/New_York", RI: "America/New_York",
  SC: "America/New_York", SD: "America/Chicago", TN: "America/Chicago", TX: "America/Chicago", UT: "America/Denver",
  VT: "America/New_York", VA: "America/New_York", WA: "America/Los_Angeles", WV: "America/New_York", WI: "America/Chicago",
  WY: "America/Denver", AS: "Pacific/Pago_Pago", GU: "Pacific/Guam", MP: "Pacific/Saipan", PR: "America/Puerto_Rico", VI: "America/St_Thomas",
};

/** Countries spanning several zones: the capital's (or the most populous region's) zone. */
const COUNTRY_TIME_ZONES: Readonly<Record<string, string>> = {
  RU: "Europe/Moscow", CN: "Asia/Shanghai", BR: "America/Sao_Paulo", MX: "America/Mexico_City", CA: "America/Toronto",
  AU: "Australia/Sydney", ID: "Asia/Jakarta", KZ: "Asia/Almaty", MN: "Asia/Ulaanbaatar", AR: "America/Buenos_Aires",
  CL: "America/Santiago", EC: "America/Guayaquil", ES: "Europe/Madrid", PT: "Europe/Lisbon", DE: "Europe/Berlin",
  NZ: "Pacific/Auckland", UA: "Europe/Kiev", CD: "Africa/Kinshasa", PG: "Pacific/Port_Moresby", FM: "Pacific/Ponape",
  KI: "Pacific/Tarawa", PF: "Pacific/Tahiti", GB: "Europe/London", FR: "Europe/Paris", NL: "Europe/Amsterdam", DK: "Europe/Copenhagen",
  EG: "Africa/Cairo", MY: "Asia/Kuala_Lumpur", UZ: "Asia/Tashkent", CY: "Asia/Nicosia", PS: "Asia/Hebron", GL: "America/Godthab",
};

/**
 * A plausible IANA zone for a community (sample data only: the directory records no zones).
 * US: the state's main zone; elsewhere the table above, then the runtime's list for the country
 * (`Intl.Locale#timeZones`, one zone for most countries), then UTC.
 */
export function timeZoneOf(place: Place): string {
  const candidates: (string | undefined)[] = [];
  if (place.countryCode === "US") candidates.push(place.regionCode ? US_STATE_TIME_ZONES[place.regionCode] : undefined, "America/New_York");
  candidates.push(COUNTRY_TIME_ZONES[place.countryCode]);
  try {
    const locale = new Intl.Locale(`und-${place.countryCode}`) as Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };
    candidates.push(...(locale.getTimeZones?.() ?? locale.timeZones ?? []));
  } catch {
    // an ISO code the runtime's locale data does not know (XK, say): fall through to UTC
  }
  return candidates.find((zone): zone is string => zone !== undefined && isSupportedTimeZone(zone)) ?? "UTC";
}
