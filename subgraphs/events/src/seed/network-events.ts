import { EventKind } from "../entities/event-kind.js";

/**
 * The network's real gatherings, from the handbook's facts (each with its source). Days are
 * local calendar days in the host's zone; where the source gives no exact day, the dates are a
 * documented guess and both `description` and `source` say "dates approximate".
 * Conference days run 09:00–17:00 local time (the hours are not recorded).
 */
export interface NetworkEvent {
  /** Natural key: the event's id is stableId("event", key). */
  key: string;
  title: string;
  kind: EventKind;
  description: string;
  /** First and last day (YYYY-MM-DD), local. */
  firstDay: string;
  lastDay: string;
  timezone: string;
  venue: string | null;
  /** The host community's slug in the directory; null for the virtual 2020 conference. */
  hostSlug: string | null;
  /** Organized by Sister Cities International unless null. */
  organizedBySci: boolean;
  url: string | null;
  /** The handbook's citation; its first web address becomes the provenance URL. */
  source: string;
}

const APPROXIMATE = "Dates approximate: the source gives no exact days.";

export const NETWORK_EVENTS: readonly NetworkEvent[] = [
  {
    key: "sci-annual-conference-2010",
    title: "Sister Cities International Annual Conference 2010",
    kind: EventKind.ANNUAL_CONFERENCE,
    description: `500+ participants, youth and adults, from about 20 countries. ${APPROXIMATE} (early August 2010).`,
    firstDay: "2010-08-04", lastDay: "2010-08-07", timezone: "America/Denver", venue: null,
    hostSlug: "albuquerque-nm-us", organizedBySci: true, url: null,
    source: "typeandtalkworldpeace.blogspot.com (post 2010-08-14); dates approximate",
  },
  {
    key: "sci-annual-conference-2011",
    title: "55th Sister Cities International Annual Conference",
    kind: EventKind.ANNUAL_CONFERENCE,
    description: `300+ members from about 20 countries; Hill Day and State Department briefings. Ended Saturday 5 March 2011; the first day is approximate.`,
    firstDay: "2011-03-03", lastDay: "2011-03-05", timezone: "America/New_York", venue: null,
    hostSlug: "arlington-county-va-us", organizedBySci: true, url: null,
    source: "typeandtalkworldpeace.blogspot.com (post 2011-03-08); start date approximate",
  },
  {
    key: "sci-annual-conference-2012",
    title: "56th Sister Cities International Annual Conference",
    kind: EventKind.ANNUAL_CONFERENCE,
    description: `Signed a memorandum of understanding with the All India Institute of Local Self-Government. Host city inferred from the "Jacksonville Mayor's Reception". ${APPROXIMATE} (summer 2012, recap published 3 August).`,
    firstDay: "2012-07-18", lastDay: "2012-07-21", timezone: "America/New_York", venue: null,
    hostSlug: "jacksonville-fl-us", organizedBySci: true, url: null,
    source: "sistercities.org/2012/08/03/…56th-annual-conference-a-recap/; host inferred; dates approximate",
  },
  {
    key: "sci-annual-conference-2013",
    title: "57th Sister Cities International Annual Conference",
    kind: EventKind.ANNUAL_CONFERENCE,
    description: `500+ attendees from 25 countries; held with the 2013 Urban Environmental Accords Summit. ${APPROXIMATE} (July 2013).`,
    firstDay: "2013-07-10", lastDay: "2013-07-13", timezone: "America/Chicago", venue: null,
    hostSlug: "san-antonio-tx-us", organizedBySci: true, url: null,
    source: "SCI e-newsletter 07.18.2013 (historysarasotasistercities.blogspot.com); dates approximate",
  },
  {
    key: "sci-annual-conference-2014",
    title: "58th Sister Cities International Annual Conference",
    kind: EventKind.ANNUAL_CONFERENCE,
    description: "Began Thursday 31 July 2014; the last day is approximate.",
    firstDay: "2014-07-31", lastDay: "2014-08-02", timezone: "America/Los_Angeles", venue: null,
    hostSlug: "san-jose-ca-us", organizedBySci: true, url: null,
    source: "sister-cities.org/YLS (archived 2015-02-01); end date approximate",
  },
  {
    key: "sci-youth-leadership-summit-2014",
    title: "Youth Leadership Summit 2014: Water as a Shared Commodity",
    kind: EventKind.YOUTH_SUMMIT,
    description: "100+ students from the US, Germany, Japan, China and South Korea, alongside the 58th Annual Conference. Began 31 July 2014; the last day is approximate.",
    firstDay: "2014-07-31", lastDay: "2014-08-02", timezone: "America/Los_Angeles", venue: null,
    hostSlug: "san-jose-ca-us", organizedBySci: true, url: null,
    source: "sister-cities.org/YLS (archived 2015-02-01); end date approximate",
  },
  {
    key: "sci-annual-conference-2015",
    title: "59th Annual Conference and Youth Leadership Summit",
    kind: EventKind.ANNUAL_CONFERENCE,
    description:
      'Theme "Bridging Generations for Peace": 300+ delegates from 111 cities in 15 countries. The Youth Leadership Summit (ages 14–18, theme "Peace through International Service") was housed at the University of Minnesota, with a service project on Nelson Mandela Day (18 July). Minnesota proclaimed 17 July Sister Cities International Day.',
    firstDay: "2015-07-16", lastDay: "2015-07-18", timezone: "America/Chicago", venue: null,
    hostSlug: "minneapolis-mn-us", organizedBySci: true, url: null,
    source: "minneapolis.org news release 2015-04-22; sistercities.org \"top 10 moments\"; startribune.com 2015-07-17",
  },
  {
    key: "sci-annual-conference-2016",
    title: "Sister Cities International 60th Anniversary Annual Conference",
    kind: EventKind.ANNUAL_CONFERENCE,
    description: "The network's 60th-anniversary conference, with the Youth Leadership Summit.",
    firstDay: "2016-07-13", lastDay: "2016-07-16", timezone: "America/New_York",
    venue: "The Mayflower Hotel, 1127 Connecticut Ave NW, Washington, DC 20036",
    hostSlug: "washington-dc-us", organizedBySci: true, url: null,
    source: "sister-cities.org/annual-conference",
  },
  {
    key: "sci-annual-conference-2017",
    title: "61st Sister Cities International Annual Conference",
    kind: EventKind.ANNUAL_CONFERENCE,
    description: "With the Youth Leadership Summit at Virginia Wesleyan College.",
    firstDay: "2017-07-13", lastDay: "2017-07-15", timezone: "America/New_York",
    venue: "Virginia Beach Convention Center / DoubleTree",
    hostSlug: "virginia-beach-va-us", organizedBySci: true, url: null,
    source: "us4.campaign-archive.com; princessanneindy.com 2017-08-17; sistercities.org/2017agenda",
  },
  {
    key: "us-russia-mayors-conference-2017",
    title: "US–Russia Mayors' Conference",
    kind: EventKind.MEETING,
    description: "Held on the first day of the 61st Annual Conference.",
    firstDay: "2017-07-13", lastDay: "2017-07-13", timezone: "America/New_York",
    venue: "Virginia Beach Convention Center",
    hostSlug: "virginia-beach-va-us", organizedBySci: true, url: null,
    source: "us4.campaign-archive.com; sistercities.org/2017agenda",
  },
  {
    key: "sci-annual-conference-2018",
    title: "Sister Cities International Annual Conference 2018: Cities Leading the Way",
    kind: EventKind.ANNUAL_CONFERENCE,
    description: `500+ attendees. ${APPROXIMATE} (summer 2018, recap published 9 August).`,
    firstDay: "2018-07-18", lastDay: "2018-07-21", timezone: "America/Denver", venue: null,
    hostSlug: "aurora-co-us", organizedBySci: true, url: null,
    source: "sistercities.org/2018/08/09/…; dates approximate",
  },
  {
    key: "sci-youth-leadership-summit-2018",
    title: "Youth Leadership Summit 2018: Immigrants and Refugees",
    kind: EventKind.YOUTH_SUMMIT,
    description: `99 students, housed at the University of Denver, alongside the 2018 Annual Conference. ${APPROXIMATE}`,
    firstDay: "2018-07-18", lastDay: "2018-07-21", timezone: "America/Denver", venue: "University of Denver",
    hostSlug: "aurora-co-us", organizedBySci: true, url: null,
    source: "live.sistercities.org/youth-education/yls-recap-2019/; dates approximate",
  },
  {
    key: "sci-annual-conference-2019",
    title: "Sister Cities International Annual Conference 2019",
    kind: EventKind.ANNUAL_CONFERENCE,
    description: "A 16-mayor International Visitor Leadership Program delegation attended.",
    firstDay: "2019-07-17", lastDay: "2019-07-19", timezone: "America/Chicago",
    venue: "Marriott Marquis, 1777 Walker St, Houston, TX 77010",
    hostSlug: "houston-tx-us", organizedBySci: true, url: null,
    source: "scribd.com 2019 conference FAQ; access.sistercities.org",
  },
  {
    // Virtual: no host community. Kept as ANNUAL_CONFERENCE (it was the annual conference, held
    // online), not WEBINAR; venue "Online" and the organizer's zone (Washington, DC).
    key: "sci-annual-conference-2020",
    title: "Reimagining Citizen Diplomacy: New Connections in a Virtual World",
    kind: EventKind.ANNUAL_CONFERENCE,
    description: `The first virtual Annual Conference: 2,900+ unique participants. ${APPROXIMATE} (2020).`,
    firstDay: "2020-07-15", lastDay: "2020-07-17", timezone: "America/New_York", venue: "Online",
    hostSlug: null, organizedBySci: true, url: null,
    source: "live.sistercities.org/home/past-events; dates approximate",
  },
  {
    key: "sci-youth-leadership-summit-2025",
    title: "Youth Leadership Summit 2025",
    kind: EventKind.YOUTH_SUMMIT,
    description: "For ages 14–18, with a diplomacy simulation at the National Museum of American Diplomacy.",
    firstDay: "2025-06-15", lastDay: "2025-06-21", timezone: "America/New_York", venue: null,
    hostSlug: "washington-dc-us", organizedBySci: true, url: null,
    source: "naperville.legistar.com (agenda item 25-0307)",
  },
  {
    key: "us-summit-global-citizen-diplomacy-2010",
    title: "U.S. Summit for Global Citizen Diplomacy",
    kind: EventKind.OTHER,
    description: "Convened by the U.S. Center for Citizen Diplomacy (Des Moines, IA).",
    firstDay: "2010-11-16", lastDay: "2010-11-19", timezone: "America/New_York", venue: null,
    hostSlug: "washington-dc-us", organizedBySci: false, url: null,
    source: "drake.edu; mountainrunner.us",
  },
];
