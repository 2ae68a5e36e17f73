import { ActiveArea, AgeGroup, communityId, FACTS_COLLECTED_ON, imported, organizationId, publicFact, stableId } from "@scg/shared";

/** A fact from the handbook, as cited there, with the first page it names. */
const fact = (citation: string, page: string) => imported(publicFact(citation, page), { lastVerifiedOn: FACTS_COLLECTED_ON });

const SCI = organizationId("sister-cities-international");
const YOUTH = [AgeGroup.TEENS, AgeGroup.YOUNG_ADULTS]; // ages 14–18: teens, and 18-year-olds count as young adults
const yls = (year: number) => stableId("network-program", `sister-cities-international|youth-leadership-summit-${year}`);

/**
 * Sister Cities International's Youth Leadership Summit (YLS), from the handbook's facts
 * (shared/data/sister-cities/facts.md, "Annual conferences and Youth Leadership Summits"): only
 * editions whose dates the record gives. Until 2017 the summit ran with the annual conference;
 * where the record gives only the conference's dates, the description says so. Nothing here is
 * generated: each edition's provenance names the public page it comes from.
 */
export const NETWORK_PROGRAMS = [
  {
    id: yls(2014),
    organizerId: SCI,
    hostCommunityId: communityId("san-jose-ca-us"),
    title: "Youth Leadership Summit 2014",
    description:
      'Sister Cities International\'s Youth Leadership Summit with the 58th Annual Conference in San Jose, California, on the theme "Water as a Shared Commodity": more than 100 students from the United States, Germany, Japan, China and South Korea. It began on 31 July 2014; the record gives no end date.',
    areas: [ActiveArea.EDUCATIONAL_EXCHANGES, ActiveArea.INTERNATIONAL_VISITORS],
    ageGroups: [AgeGroup.TEENS],
    startsOn: "2014-07-31",
    endsOn: null,
    provenance: fact("sister-cities.org/YLS (archived 2015-02-01)", "sister-cities.org/YLS"),
  },
  {
    id: yls(2015),
    organizerId: SCI,
    hostCommunityId: communityId("minneapolis-mn-us"),
    title: "Youth Leadership Summit 2015",
    description:
      'Youth Leadership Summit for ages 14 to 18 with the 59th Annual Conference in Minneapolis, Minnesota, on the theme "Peace through International Service", housed at the University of Minnesota, with a service project on Nelson Mandela Day (18 July). The dates are the conference\'s.',
    areas: [ActiveArea.EDUCATIONAL_EXCHANGES, ActiveArea.INTERNATIONAL_VISITORS, ActiveArea.VOLUNTEER_SERVICE],
    ageGroups: YOUTH,
    startsOn: "2015-07-16",
    endsOn: "2015-07-18",
    provenance: fact("minneapolis.org news release 2015-04-22; sistercities.org top-10 moments; startribune.com 2015-07-17", "minneapolis.org"),
  },
  {
    id: yls(2016),
    organizerId: SCI,
    hostCommunityId: communityId("washington-dc-us"),
    title: "Youth Leadership Summit 2016",
    description:
      "Youth Leadership Summit with the network's 60th-anniversary conference in Washington, DC (The Mayflower Hotel). The dates are the conference's.",
    areas: [ActiveArea.EDUCATIONAL_EXCHANGES, ActiveArea.INTERNATIONAL_VISITORS],
    ageGroups: [AgeGroup.TEENS],
    startsOn: "2016-07-13",
    endsOn: "2016-07-16",
    provenance: fact("sister-cities.org/annual-conference", "sister-cities.org/annual-conference"),
  },
  {
    id: yls(2017),
    organizerId: SCI,
    hostCommunityId: communityId("virginia-beach-va-us"),
    title: "Youth Leadership Summit 2017",
    description:
      "Youth Leadership Summit at Virginia Wesleyan College, with the 61st Annual Conference in Virginia Beach, Virginia. The dates are the conference's.",
    areas: [ActiveArea.EDUCATIONAL_EXCHANGES, ActiveArea.INTERNATIONAL_VISITORS],
    ageGroups: [AgeGroup.TEENS],
    startsOn: "2017-07-13",
    endsOn: "2017-07-15",
    provenance: fact("us4.campaign-archive.com; princessanneindy.com 2017-08-17; sistercities.org/2017agenda", "sistercities.org/2017agenda"),
  },
  {
    id: yls(2025),
    organizerId: SCI,
    hostCommunityId: communityId("washington-dc-us"),
    title: "Youth Leadership Summit 2025",
    description:
      "Sister Cities International's Youth Leadership Summit in Washington, DC, for ages 14 to 18, with a diplomacy simulation at the National Museum of American Diplomacy.",
    areas: [ActiveArea.EDUCATIONAL_EXCHANGES, ActiveArea.INTERNATIONAL_VISITORS],
    ageGroups: YOUTH,
    startsOn: "2025-06-15",
    endsOn: "2025-06-21",
    provenance: fact("naperville.legistar.com (agenda item 25-0307)", "naperville.legistar.com"),
  },
] as const;

/** The id of the 2025 summit, for tests and for anyone linking to it. */
export const YOUTH_LEADERSHIP_SUMMIT_2025_ID = yls(2025);
