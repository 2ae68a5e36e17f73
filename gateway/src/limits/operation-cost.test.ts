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
  it("caps page sizes at the contract's maximum, and counts a negative one as empty", () => {
    expect(cost(`{ communities(first: 1000000000) { edges { node { slug } } } }`)).toBe(1 + 500 + 500);
    expect(cost(`query($n: Int) { communities(first: $n) { edges { node { slug } } } }`, { n: 1e9 })).toBe(1 + 500 + 500);
    expect(cost(`{ communities(first: -5) { edges { node { slug } } } }`)).toBe(1);
  });
  it("scales a fragment by each spread without walking it again: forty doubling levels cost 2^40, computed at once", () => {
    let text = `query { community(slug: "x") { ...F40 } } fragment F0 on Community { country { code } }`;
    for (let i = 1; i <= 40; i++) text += ` fragment F${i} on Community { ...F${i - 1} ...F${i - 1} @include(if: true) }`;
    expect(cost(text)).toBe(1 + 2 ** 40);
  });
  it("carries a connection's page size into a fragment on it", () => {
    expect(cost(`{ communities(first: 3) { ...Page } } fragment Page on CommunityConnection { edges { node { country { code } } } }`)).toBe(1 + 3 * 3);
  });
});
