import { ActiveArea, AgeGroup, communityId, organizationId } from "@scg/shared";

/** A fact's citation, as the handbook gives it, and the page it is on. */
export interface FactSource {
  citation: string;
  page: string | null;
}

/**
 * Real organizations from the handbook's facts (Citizen Diplomacy Network listings).
 * Each carries its source; nothing here is invented (where the sources give no email or web site,
 * there is none).
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
    email: null,
    website: "https://sistercities.org",
    foundedYear: 1956,
    countriesServed: 143,
    source: { citation: "Center for Citizen Diplomacy, Citizen Diplomacy Network: Sister Cities International", page: "centerforcitizendiplomacy.org/network/sister-cities-international/" },
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
    email: null,
    website: null,
    foundedYear: null,
    countriesServed: 90,
    source: { citation: "Center for Citizen Diplomacy, Citizen Diplomacy Network: AFS Intercultural Programs", page: "centerforcitizendiplomacy.org/network/afs-intercultural-programs/" },
  },
] as const;

/**
 * Communities the network's own record names that the Wikipedia pairs do not: cities that
 * hosted Sister Cities International's annual conference (handbook facts.md). They join the
 * directory so events can be hosted by them; they have no partnerships in the data.
 */
export const CONFERENCE_HOST_COMMUNITIES = [
  { name: "Arlington County", countryCode: "US", regionCode: "VA", kind: "COUNTY", source: { citation: "55th Sister Cities International Annual Conference, Arlington VA, 2011 (typeandtalkworldpeace.blogspot.com, post 2011-03-08)", page: null } },
  { name: "Aurora", countryCode: "US", regionCode: "CO", kind: "CITY", source: { citation: "Sister Cities International Annual Conference, Aurora CO, 2018 (sistercities.org, 2018-08-09)", page: null } },
] as const;
