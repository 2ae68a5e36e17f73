import { createGroupLoader, createKeyLoader, groupByKeys, loaderFamily, orderByKeys } from "./key-ordered";

describe("the batch contract", () => {
  it("orderByKeys: one result per key, in key order, null where no row has it, the first of duplicates", () => {
    const rows = [{ id: "c", n: 1 }, { id: "a", n: 2 }, { id: "c", n: 3 }];
    expect(orderByKeys(["a", "b", "c", "a"], rows, (row) => row.id)).toEqual([{ id: "a", n: 2 }, null, { id: "c", n: 1 }, { id: "a", n: 2 }]);
    expect(orderByKeys([], rows, (row) => row.id)).toEqual([]);
  });

  it("groupByKeys: one array per key, in key order, empty where none; a row with several owners joins each", () => {
    const rows = [{ sides: ["a", "b"], n: 1 }, { sides: ["b"], n: 2 }, { sides: ["z"], n: 3 }];
    expect(groupByKeys(["b", "a", "c"], rows, (row) => row.sides)).toEqual([
      [{ sides: ["a", "b"], n: 1 }, { sides: ["b"], n: 2 }],
      [{ sides: ["a", "b"], n: 1 }],
      [],
    ]);
  });

  it("createKeyLoader and createGroupLoader batch the keys of one tick into one call, in the shape the contract says", async () => {
    const batches: string[][] = [];
    const byId = createKeyLoader(
      async (ids: readonly string[]) => {
        batches.push([...ids]);
        return ids.filter((id) => id !== "missing").map((id) => ({ id }));
      },
      (row) => row.id,
    );
    expect(await Promise.all([byId.load("x"), byId.load("missing"), byId.load("y"), byId.load("x")])).toEqual([{ id: "x" }, null, { id: "y" }, { id: "x" }]);
    expect(await byId.load("z")).toEqual({ id: "z" });
    expect(batches).toEqual([["x", "missing", "y"], ["z"]]);

    const groups = createGroupLoader(async (ids: readonly string[]) => ids.flatMap((id) => [{ owner: id, n: 1 }, { owner: id, n: 2 }]), (row) => row.owner);
    expect(await groups.load("k")).toEqual([{ owner: "k", n: 1 }, { owner: "k", n: 2 }]);
  });

  it("loaderFamily: one loader per argument set, made once, so equal arguments share a batch", async () => {
    const made: string[] = [];
    const batches: [string, string[]][] = [];
    const family = loaderFamily(
      (status: string) => {
        made.push(status);
        return createGroupLoader(async (ids: readonly string[]) => {
          batches.push([status, [...ids]]);
          return [];
        }, (row: { id: string }) => row.id);
      },
      (status) => status.toUpperCase(),
    );
    await Promise.all([family("active").load("a"), family("ACTIVE").load("b"), family("past").load("a")]);
    expect(made).toEqual(["active", "past"]);
    expect(batches).toEqual([["active", ["a", "b"]], ["past", ["a"]]]);
  });
});
