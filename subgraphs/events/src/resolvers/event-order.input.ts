import { OrderDirection } from "@scg/shared";
import { Field, InputType, registerEnumType } from "type-graphql";
import { EventOrderField, EventTime } from "../domain/event-queries.js";

registerEnumType(EventOrderField, {
  name: "EventOrderField",
  description: "What the calendar can be ordered by (ties are broken by id, so cursors stay stable).",
  valuesConfig: { STARTS_AT: { description: "When the event starts." } },
});

registerEnumType(EventTime, {
  name: "EventTime",
  description: "Which of a community's, organization's or program's events to list.",
  valuesConfig: {
    UPCOMING: { description: "Events not over yet, soonest first." },
    PAST: { description: "Events that are over, most recent first." },
    ALL: { description: "Every event, earliest first." },
  },
});

@InputType({ description: "How to order the calendar." })
export class EventOrder {
  @Field(() => EventOrderField, { description: "What to order by." })
  field: EventOrderField;

  @Field(() => OrderDirection, { nullable: true, description: "Which way (ascending by default)." })
  direction?: OrderDirection | null;
}
