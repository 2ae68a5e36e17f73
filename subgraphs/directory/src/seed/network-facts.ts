import { ActiveArea, AgeGroup, communityId, organizationId } from "@scg/shared";

/**
 * Real organizations from the handbook's facts (Citizen Diplomacy Network listings).
 * Each carries its source; nothing here is invented.
 */
export const ORGANIZATIONS = [
  {
    id: organizationId("sister-cities-international"),
    slug: "sister-cities-international",
    name: "Sister Cities International",
    description:
      "The national membership organization for US sister cities, counties and states: a nonpartisan 501(c)(3) nonprofit created at President Eisenhower's 1956 White House conference on citizen diplomacy. Mission: to promote peace through mutual respect, understanding, and cooperation, one individual, one community at a time.",
    activeAreas: Object.values(ActiveArea),
    ageGroups: Object.values(AgeGroup),
    communityId: communityId("washington-dc-us"),
    address: "915 15th Street NW, 4th Floor, Washington, DC 20005, USA",
    phone: "(202) 347-8630",
    website: "https://sistercities.org",
    foundedYear: 1956,
    source: "centerforcitizendiplomacy.org/network/sister-cities-international/",
  },
  {
    id: organizationId("afs-usa"),
    slug: "afs-usa",
    name: "AFS Intercultural Programs (AFS-USA)",
    description: "Intercultural student exchange: sends about 1,000 US students abroad a year and hosts about 2,300 international students.",
    activeAreas: [ActiveArea.EDUCATIONAL_EXCHANGES],
    ageGroups: [AgeGroup.TEENS, AgeGroup.YOUNG_ADULTS, AgeGroup.ADULTS, AgeGroup.FAMILIES],
    communityId: communityId("new-york-city-ny-us"),
    address: "120 Wall St, 4th Floor, New York, NY 10005, USA",
    phone: "(800) AFS-INFO",
    website: null,
    foundedYear: null,
    source: "centerforcitizendiplomacy.org/network/afs-intercultural-programs/",
  },
] as const;

/**
 * Communities the network's own record names that the Wikipedia pairs do not: cities that
 * hosted Sister Cities International's annual conference (handbook facts.md). They join the
 * directory so events can be hosted by them; they have no partnerships in the data.
 */
export const CONFERENCE_HOST_COMMUNITIES = [
  { name: "Arlington County", countryCode: "US", regionCode: "VA", kind: "COUNTY", source: "fact:SCI 55th Annual Conference, Arlington VA, 2011" },
  { name: "Aurora", countryCode: "US", regionCode: "CO", kind: "CITY", source: "fact:SCI Annual Conference, Aurora CO, 2018 (sistercities.org 2018-08-09)" },
] as const;
