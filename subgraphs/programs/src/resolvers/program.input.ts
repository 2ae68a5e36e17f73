import { ActiveArea, AgeGroup, DateScalar } from "@scg/shared";
import { Field, ID, InputType, Int } from "type-graphql";

@InputType({ description: "A new program in a partnership." })
export class CreateProgramInput {
  @Field(() => ID, { description: "The partnership it runs in; it must be ACTIVE." })
  partnershipId: string;

  @Field({ description: "What it is called (at most 200 characters); unique per partnership and start date." })
  title: string;

  @Field(() => String, { nullable: true, description: "What it does, for whom (at most 4,000 characters)." })
  description?: string | null;

  @Field(() => [ActiveArea], { description: "The active areas it belongs to (at least one)." })
  areas: ActiveArea[];

  @Field(() => [AgeGroup], { description: "The age groups it serves (at least one)." })
  ageGroups: AgeGroup[];

  @Field(() => DateScalar, { description: "First day." })
  startsOn: Date;

  @Field(() => DateScalar, { nullable: true, description: "Last day (on or after `startsOn`); omit while open-ended." })
  endsOn?: Date | null;

  @Field(() => ID, { nullable: true, description: "The organizing organization; you must administer it." })
  organizerId?: string | null;
}

@InputType({ description: "One trip of a program, from one side of the partnership to the other." })
export class ScheduleExchangeInput {
  @Field(() => ID, { description: "The community the group travels from: one of the partnership's two." })
  fromCommunityId: string;

  @Field(() => ID, { description: "The community the group travels to: the partnership's other one." })
  toCommunityId: string;

  @Field(() => DateScalar, { description: "Day the group leaves (on or after the program's start)." })
  departsOn: Date;

  @Field(() => DateScalar, { description: "Day the group comes back (on or after `departsOn`, by the program's end)." })
  returnsOn: Date;

  @Field(() => Int, { description: "How many people travel: from 1 to 10,000." })
  participantCount: number;

  @Field(() => [AgeGroup], { description: "The travellers' age groups: at least one, all among the program's." })
  ageGroups: AgeGroup[];

  @Field(() => String, { nullable: true, description: "Who travels and why, in a sentence." })
  description?: string | null;
}
