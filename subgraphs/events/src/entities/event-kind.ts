import { registerEnumType } from "type-graphql";

/** What kind of gathering an event is (DESIGN.md's `EventKind`). */
export enum EventKind {
  ANNUAL_CONFERENCE = "ANNUAL_CONFERENCE",
  YOUTH_SUMMIT = "YOUTH_SUMMIT",
  DELEGATION_VISIT = "DELEGATION_VISIT",
  FESTIVAL = "FESTIVAL",
  WEBINAR = "WEBINAR",
  MEETING = "MEETING",
  OTHER = "OTHER",
}

/** Each kind in words, as facets label them. */
export const EVENT_KIND_LABELS: Readonly<Record<EventKind, string>> = Object.freeze({
  ANNUAL_CONFERENCE: "Annual conference",
  YOUTH_SUMMIT: "Youth summit",
  DELEGATION_VISIT: "Delegation visit",
  FESTIVAL: "Festival",
  WEBINAR: "Webinar",
  MEETING: "Meeting",
  OTHER: "Other",
});

registerEnumType(EventKind, {
  name: "EventKind",
  description: "What kind of gathering an event is.",
  valuesConfig: {
    ANNUAL_CONFERENCE: { description: "Sister Cities International's annual conference (virtual in 2020)." },
    YOUTH_SUMMIT: { description: "A youth gathering, such as the Youth Leadership Summit." },
    DELEGATION_VISIT: { description: "A delegation from one community visiting its sister city." },
    FESTIVAL: { description: "A public festival or cultural celebration." },
    WEBINAR: { description: "An online talk or training." },
    MEETING: { description: "A working meeting (mayors, committees, boards)." },
    OTHER: { description: "Anything else." },
  },
});
