import { registerEnumType } from "type-graphql";

/**
 * The network's taxonomy (DESIGN.md), shared by every subgraph so the enums compose into one
 * definition: an enum used by several subgraphs must have the same values in each.
 */
export enum ActiveArea {
  CULTURE_AND_ARTS = "CULTURE_AND_ARTS",
  DEVELOPMENT = "DEVELOPMENT",
  EDUCATIONAL_EXCHANGES = "EDUCATIONAL_EXCHANGES",
  HIGHER_EDUCATION = "HIGHER_EDUCATION",
  INTERNATIONAL_VISITORS = "INTERNATIONAL_VISITORS",
  K12_EDUCATION = "K12_EDUCATION",
  TOURISM_AND_SPORTS = "TOURISM_AND_SPORTS",
  VOLUNTEER_SERVICE = "VOLUNTEER_SERVICE",
}

export enum AgeGroup {
  CHILDREN = "CHILDREN",
  TEENS = "TEENS",
  YOUNG_ADULTS = "YOUNG_ADULTS",
  ADULTS = "ADULTS",
  SENIORS = "SENIORS",
  FAMILIES = "FAMILIES",
}

export enum CommunityKind {
  CITY = "CITY",
  COUNTY = "COUNTY",
  STATE = "STATE",
}

/** The network's own words for its active areas (Citizen Diplomacy Network listing of Sister Cities International). */
export const ACTIVE_AREA_LABELS: Readonly<Record<ActiveArea, string>> = Object.freeze({
  CULTURE_AND_ARTS: "Culture and Arts",
  DEVELOPMENT: "Development",
  EDUCATIONAL_EXCHANGES: "Educational Exchanges",
  HIGHER_EDUCATION: "Higher Education",
  INTERNATIONAL_VISITORS: "International Visitors",
  K12_EDUCATION: "K-12 Education",
  TOURISM_AND_SPORTS: "Tourism and Sports",
  VOLUNTEER_SERVICE: "Volunteer Service",
});

/** The network's own words for its age groups, verbatim from the same listing. */
export const AGE_GROUP_LABELS: Readonly<Record<AgeGroup, string>> = Object.freeze({
  CHILDREN: "Children (12 years & under)",
  TEENS: "Teens (13 – 17 years)",
  YOUNG_ADULTS: "Young Adults (18 – 24 years)",
  ADULTS: "Adults",
  SENIORS: "Seniors",
  FAMILIES: "Families",
});

export const COMMUNITY_KIND_LABELS: Readonly<Record<CommunityKind, string>> = Object.freeze({ CITY: "City", COUNTY: "County", STATE: "State" });

const described = <K extends string>(labels: Readonly<Record<K, string>>) =>
  Object.fromEntries(Object.entries(labels).map(([value, label]) => [value, { description: label as string }])) as Record<K, { description: string }>;

registerEnumType(ActiveArea, {
  name: "ActiveArea",
  description: "The eight active areas of Sister Cities International's programs (each value's description is the network's own label).",
  valuesConfig: described(ACTIVE_AREA_LABELS),
});
registerEnumType(AgeGroup, {
  name: "AgeGroup",
  description: "Who a program or organization serves (each value's description is the network's own label).",
  valuesConfig: described(AGE_GROUP_LABELS),
});
registerEnumType(CommunityKind, {
  name: "CommunityKind",
  description: "A member community is a city, a county or a state.",
  valuesConfig: {
    CITY: { description: "A city, town or village (or a district of one)." },
    COUNTY: { description: "A county, parish, borough or prefecture." },
    STATE: { description: "A state or territory." },
  },
});
