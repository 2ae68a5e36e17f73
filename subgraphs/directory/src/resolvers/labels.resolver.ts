import { ACTIVE_AREA_LABELS, AGE_GROUP_LABELS, COMMUNITY_KIND_LABELS } from "@scg/shared";
import { Field, ObjectType, Query, Resolver } from "type-graphql";

@ObjectType({ description: "An enum value and the words people read for it." })
export class Label {
  @Field({ description: 'The enum value, as the API takes it ("K12_EDUCATION").' })
  value: string;

  @Field({ description: 'The network\'s own words for it ("K-12 Education", "Children (12 years & under)").' })
  label: string;
}

@ObjectType({ description: "The labels of the network's taxonomy, in its own words, for pages and exports." })
export class NetworkLabels {
  @Field(() => [Label], { description: "The eight active areas." })
  activeAreas: Label[];

  @Field(() => [Label], { description: "The six age groups." })
  ageGroups: Label[];

  @Field(() => [Label], { description: "City, county, state." })
  communityKinds: Label[];
}

const list = (labels: Readonly<Record<string, string>>): Label[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

@Resolver()
export class LabelsResolver {
  @Query(() => NetworkLabels, { description: "The network's labels for its active areas, age groups and community kinds (also each enum value's description)." })
  labels(): NetworkLabels {
    return { activeAreas: list(ACTIVE_AREA_LABELS), ageGroups: list(AGE_GROUP_LABELS), communityKinds: list(COMMUNITY_KIND_LABELS) };
  }
}
