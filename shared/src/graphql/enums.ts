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

registerEnumType(ActiveArea, {
  name: "ActiveArea",
  description: "The eight active areas of Sister Cities International's programs.",
  valuesConfig: {
    CULTURE_AND_ARTS: { description: "Culture and Arts" },
    DEVELOPMENT: { description: "Development" },
    EDUCATIONAL_EXCHANGES: { description: "Educational Exchanges" },
    HIGHER_EDUCATION: { description: "Higher Education" },
    INTERNATIONAL_VISITORS: { description: "International Visitors" },
    K12_EDUCATION: { description: "K-12 Education" },
    TOURISM_AND_SPORTS: { description: "Tourism and Sports" },
    VOLUNTEER_SERVICE: { description: "Volunteer Service" },
  },
});
registerEnumType(AgeGroup, {
  name: "AgeGroup",
  description: "Who a program or organization serves.",
  valuesConfig: {
    CHILDREN: { description: "Children, 12 years and under" },
    TEENS: { description: "Teens, 13 to 17 years" },
    YOUNG_ADULTS: { description: "Young adults, 18 to 24 years" },
    ADULTS: { description: "Adults" },
    SENIORS: { description: "Seniors" },
    FAMILIES: { description: "Families" },
  },
});
registerEnumType(CommunityKind, { name: "CommunityKind", description: "A member community is a city, a county or a state." });
