/// <reference types="jest" />
import { firstList, resultLists } from "./result-lists";

describe("resultLists", () => {
  it("finds every list outside another list, depth-first in result order; a connection's edges become its nodes", () => {
    const data = {
      country: {
        code: "JP",
        partnerships: { totalCount: 2, pageInfo: { hasNextPage: false }, edges: [{ cursor: "a", node: { id: 1 } }, { cursor: "b", node: { id: 2 } }] },
        tags: ["x"],
      },
      communities: [{ slug: "kobe-jp", aliases: ["Kōbe"] }],
    };
    expect(resultLists(data)).toEqual([
      { path: "country.partnerships", items: [{ id: 1 }, { id: 2 }] },
      { path: "country.tags", items: ["x"] },
      { path: "communities", items: [{ slug: "kobe-jp", aliases: ["Kōbe"] }] },
    ]);
  });

  it("keeps a list named edges whose items have no node as it is, and finds nothing in scalars or null", () => {
    expect(resultLists({ graph: { edges: [{ from: 1, to: 2 }] } })).toEqual([{ path: "graph.edges", items: [{ from: 1, to: 2 }] }]);
    expect(resultLists({ a: null, b: 1, c: "s" })).toEqual([]);
  });

  it("the first list is the first with items, else the first at all", () => {
    const empty = { path: "a", items: [] };
    const full = { path: "b", items: [1] };
    expect(firstList([empty, full])).toBe(full);
    expect(firstList([empty])).toBe(empty);
    expect(firstList([])).toBeUndefined();
  });
});
