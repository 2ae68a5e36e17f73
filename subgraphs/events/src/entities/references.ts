import { Directive, Field, ID, ObjectType } from "type-graphql";

/*
 * Entities owned by other subgraphs, declared here only by their key so this subgraph can
 * point at them (`Event.host`, `Event.organizer`, `Event.program`) and add `events` to them.
 * Federation 2 lets several subgraphs declare an entity with the same @key; the owner
 * (directory, programs) resolves every other field. https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/entities/contribute-fields
 */

@Directive('@key(fields: "id")')
@ObjectType("Community", { description: "A city, county or state (owned by the directory subgraph)." })
export class CommunityRef {
  @Field(() => ID, { description: "The community's stable id." })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType("Organization", { description: "A member or citizen-diplomacy organization (owned by the directory subgraph)." })
export class OrganizationRef {
  @Field(() => ID, { description: "The organization's stable id." })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType("Program", { description: "A program run inside a partnership (owned by the programs subgraph)." })
export class ProgramRef {
  @Field(() => ID, { description: "The program's stable id." })
  id: string;
}

/** A reference to an entity of another subgraph, or null when the id is null. */
export const refOf = <T extends { id: string }>(id: string | null): T | null => (id === null ? null : ({ id } as T));
