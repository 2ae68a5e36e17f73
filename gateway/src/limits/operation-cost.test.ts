import { buildSchema, parse, type OperationDefinitionNode } from "graphql";
import { estimateOperationCost } from "./operation-cost";

const schema = buildSchema(`
  type Query { community(slug: String!): Community  communities(first: Int): CommunityConnection! }
  type CommunityConnection { edges: [CommunityEdge!]!  pageInfo: PageInfo!  totalCount: Int! }
  type CommunityEdge { node: Community!  cursor: String! }
  type PageInfo { hasNextPage: Boolean! }
  type Country { code: String! }
  type Partnership { communities: [Community!]! }
  type Community { slug: String!  country: Country!  organizations: [Organization!]!  events(first: Int): [Event!]!  partnerships: [Partnership!]! }
  type Organization { name: String! }
  type Event { title: String! }
`);
const cost = (query: string, variables?: Record<string, unknown>) => {
  const document = parse(query);
  return estimateOperationCost(schema, document, document.definitions[0] as OperationDefinitionNode, variables);
};

describe("estimateOperationCost", () => {
  it("counts one per object, scalars free", () => {
    expect(cost(`{ community(slug: "x") { slug country { code } } }`)).toBe(2);
  });
  it("sizes a connection's edges by first, 20 by default", () => {
    expect(cost(`{ communities(first: 100) { edges { node { slug } } } }`)).toBe(1 + 100 + 100);
    expect(cost(`{ communities { edges { node { slug } } } }`)).toBe(1 + 20 + 20);
    expect(cost(`query($n: Int) { communities(first: $n) { edges { node { slug } } } }`, { n: 7 })).toBe(1 + 7 + 7);
  });
  it("multiplies nested lists; a list with first uses it, others count 10, known sizes are used", () => {
    expect(cost(`{ community(slug: "x") { organizations { name } events(first: 5) { title } } }`)).toBe(1 + 10 + 5);
    expect(cost(`{ community(slug: "x") { partnerships { communities { slug } } } }`)).toBe(1 + 10 + 20);
  });
  it("follows fragments", () => {
    expect(cost(`query { community(slug: "x") { ...F } } fragment F on Community { country { code } }`)).toBe(2);
  });
});
