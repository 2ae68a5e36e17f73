import { Directive, Field, ID, ObjectType } from "type-graphql";

// Stubs of entities other subgraphs own: the same GraphQL name and only the key field, so this
// subgraph can return references to them and add fields to them. The owning subgraph resolves
// every other field (https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/entities/contribute-fields).

@Directive('@key(fields: "id")')
@ObjectType("Partnership", { description: "A sister-city partnership (owned by the partnerships subgraph)." })
export class PartnershipRef {
  @Field(() => ID, { description: "The partnership's stable id." })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType("Organization", { description: "A member organization (owned by the directory subgraph)." })
export class OrganizationRef {
  @Field(() => ID, { description: "The organization's stable id." })
  id: string;
}

@Directive('@key(fields: "id")')
@ObjectType("Community", { description: "A city, county or state (owned by the directory subgraph)." })
export class CommunityRef {
  @Field(() => ID, { description: "The community's stable id." })
  id: string;
}
