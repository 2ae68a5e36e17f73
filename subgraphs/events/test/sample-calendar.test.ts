import { communityId } from "@scg/shared";
import { generateSamplePrograms, type SampleProgram } from "@scg/shared/data";
import { isSupportedTimeZone, zonedInstant } from "../src/domain/time-zones.js";
import { generateSampleEvents, SAMPLE_REFERENCE_DATE } from "../src/seed/sample-calendar.js";
import { placeOfSlug, timeZoneOf } from "../src/seed/place-of-community.js";

describe("the generated sample calendar", () => {
  const programs = generateSamplePrograms();
  const events = generateSampleEvents(programs);

  it("is deterministic, with unique ids", () => {
    expect(generateSampleEvents([...programs].reverse())).toEqual(events);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it("ties every event to a sample program and one of its two communities", () => {
    const byId = new Map(programs.map((p) => [p.id, p]));
    for (const event of events) {
      const program = byId.get(event.programId)!;
      expect(program?.id).toBe(event.programId);
      expect(program.communityIds).toContain(event.hostCommunityId);
      expect(isSupportedTimeZone(event.timezone)).toBe(true);
      expect(event.lastDay >= event.firstDay).toBe(true);
    }
  });

  it("holds delegation visits and festivals, past and upcoming, when there is a sample", () => {
    if (programs.length === 0) return; // before the sample programs exist there is nothing to tie events to
    const kinds = new Set(events.map((e) => e.kind));
    expect(kinds).toEqual(new Set(["DELEGATION_VISIT", "FESTIVAL"]));
    expect(events.some((e) => e.lastDay < SAMPLE_REFERENCE_DATE)).toBe(true);
    expect(events.some((e) => e.firstDay > SAMPLE_REFERENCE_DATE && e.registrationOpen)).toBe(true);
    expect(events.every((e) => e.registrationOpen === e.firstDay > SAMPLE_REFERENCE_DATE)).toBe(true);
  });

  it("falls back to one visit for a program without exchanges", () => {
    const program = {
      id: "3f2504e0-4f89-51d3-9a0c-0305e82c3301", partnershipId: "3f2504e0-4f89-51d3-9a0c-0305e82c3302",
      communityIds: [communityId("seattle-wa-us"), communityId("kobe-jp")], communitySlugs: ["seattle-wa-us", "kobe-jp"],
      organizerId: null, title: "Seattle–Kobe Friendship", description: "", areas: [], ageGroups: [], status: "PLANNED",
      startsOn: "2027-05-01", endsOn: null, source: "sample",
    } as unknown as SampleProgram;
    expect(generateSampleEvents([program])).toEqual([
      expect.objectContaining({
        kind: "DELEGATION_VISIT", title: "kobe-jp delegation visits seattle-wa-us", hostCommunityId: communityId("seattle-wa-us"),
        firstDay: "2027-05-01", lastDay: "2027-05-03", timezone: "America/Los_Angeles", host: { countryCode: "US", regionCode: "WA" },
        capacity: expect.any(Number), registrationOpen: true,
      }),
    ]);
  });
});

describe("places and time zones", () => {
  it("reads country and US state from a slug", () => {
    expect(placeOfSlug("maui-county-hi-us")).toEqual({ countryCode: "US", regionCode: "HI" });
    expect(placeOfSlug("tokyo-shibuya-jp")).toEqual({ countryCode: "JP", regionCode: null });
  });

  it("finds a plausible zone for a place", () => {
    expect(timeZoneOf({ countryCode: "US", regionCode: "MN" })).toBe("America/Chicago");
    expect(timeZoneOf({ countryCode: "JP", regionCode: null })).toBe("Asia/Tokyo");
    expect(timeZoneOf({ countryCode: "RU", regionCode: null })).toBe("Europe/Moscow");
    expect(isSupportedTimeZone(timeZoneOf({ countryCode: "XK", regionCode: null }))).toBe(true);
  });

  it("turns local wall-clock times into instants, on both sides of daylight saving", () => {
    expect(zonedInstant("2015-07-16", "09:00", "America/Chicago").toISOString()).toBe("2015-07-16T14:00:00.000Z");
    expect(zonedInstant("2015-01-16", "09:00", "America/Chicago").toISOString()).toBe("2015-01-16T15:00:00.000Z");
    expect(zonedInstant("2026-03-08", "09:00", "America/New_York").toISOString()).toBe("2026-03-08T13:00:00.000Z");
    expect(zonedInstant("2026-06-01", "09:00", "Asia/Tokyo").toISOString()).toBe("2026-06-01T00:00:00.000Z");
  });

  it("accepts IANA names and aliases, refuses abbreviations and offsets", () => {
    for (const zone of ["America/Chicago", "UTC", "Asia/Kolkata", "Europe/Kyiv"]) expect(isSupportedTimeZone(zone)).toBe(true);
    for (const zone of ["EST", "est", "+05:00", "Mars/Olympus_Mons", "", "america/chicago"]) expect(isSupportedTimeZone(zone)).toBe(false);
  });
});
